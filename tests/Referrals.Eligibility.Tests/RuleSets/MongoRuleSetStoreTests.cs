using Referrals.Eligibility.RuleSets;
using Referrals.Messaging.Documents;
using Referrals.Testing;

namespace Referrals.Eligibility.Tests.RuleSets;

/// <summary>Skipped, with the reason, where no MongoDB is reachable.</summary>
public sealed class MongoRuleSetStoreTests : RuleSetStoreContract, IDisposable
{
    private readonly MongoClients _clients = new();

    protected override async Task<IRuleSetStore> CreateStoreAsync()
    {
        var connectionString = await TestInfrastructure.FreshMongoDatabaseAsync("eligibility-rulesets");
        return new MongoRuleSetStore(_clients.Database(connectionString));
    }

    public void Dispose() => _clients.Dispose();
}
