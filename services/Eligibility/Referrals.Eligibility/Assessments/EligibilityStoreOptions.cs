using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Referrals.Messaging.Documents;

namespace Referrals.Eligibility.Assessments;

/// <summary><c>ConnectionStrings:EligibilityStore</c>: a <c>mongodb://…/db</c> URL or a SQLite connection string.</summary>
public sealed class EligibilityStoreOptions
{
    public const string ConnectionName = "EligibilityStore";

    public string ConnectionString { get; set; } = "";
}

/// <summary>Fails start-up on a connection string neither adapter can use, instead of on the first message.</summary>
public sealed class EligibilityStoreOptionsValidator : IValidateOptions<EligibilityStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, EligibilityStoreOptions options)
    {
        var cs = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(cs))
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:{EligibilityStoreOptions.ConnectionName} is required (e.g. 'Data Source=data/eligibility.db' or 'mongodb://host/eligibility').");
        }

        try
        {
            if (StoreConnection.IsMongo(cs))
            {
                return string.IsNullOrEmpty(MongoUrl.Create(cs).DatabaseName)
                    ? ValidateOptionsResult.Fail($"ConnectionStrings:{EligibilityStoreOptions.ConnectionName} must name the MongoDB database, e.g. mongodb://host/eligibility.")
                    : ValidateOptionsResult.Success;
            }

            return string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(cs).DataSource)
                ? ValidateOptionsResult.Fail($"ConnectionStrings:{EligibilityStoreOptions.ConnectionName} must name a SQLite Data Source.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or MongoConfigurationException)
        {
            // The message of a connection-string parser can echo credentials; name the setting only.
            return ValidateOptionsResult.Fail($"ConnectionStrings:{EligibilityStoreOptions.ConnectionName} is not a valid connection string.");
        }
    }
}
