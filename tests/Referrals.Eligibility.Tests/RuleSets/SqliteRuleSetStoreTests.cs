using Referrals.Eligibility.RuleSets;
using Referrals.Messaging.Documents;
using Referrals.Testing;

namespace Referrals.Eligibility.Tests.RuleSets;

public sealed class SqliteRuleSetStoreTests : RuleSetStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IRuleSetStore> CreateStoreAsync() =>
        Task.FromResult<IRuleSetStore>(new SqliteRuleSetStore(new SqliteDatabase(_directory.SqliteConnectionString("eligibility"))));

    public void Dispose() => _directory.Dispose();
}
