using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.Eligibility.Rules;

/// <summary>How rule sets are read and written. Strict: an unknown property or a missing required one is an error, not a silent default.</summary>
public static class RuleSetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
    };

    /// <summary>Reads and validates a rule set; throws <see cref="InvalidRuleSetException"/> naming every problem.</summary>
    public static RuleSet Read(Stream json)
    {
        RuleSet? ruleSet;
        try
        {
            ruleSet = JsonSerializer.Deserialize<RuleSet>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidRuleSetException([$"{e.Path}: {e.Message}"]);
        }

        if (ruleSet is null)
        {
            throw new InvalidRuleSetException(["the document is empty"]);
        }

        var problems = RuleSetValidator.Problems(ruleSet);
        return problems.Count == 0 ? ruleSet : throw new InvalidRuleSetException(problems);
    }

    public static string Write(RuleSet ruleSet) => JsonSerializer.Serialize(ruleSet, Options);
}

/// <summary>A rule set that must not be used: the service refuses to start rather than assess with it.</summary>
public sealed class InvalidRuleSetException(IReadOnlyList<string> problems)
    : Exception("Invalid eligibility rule set: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
