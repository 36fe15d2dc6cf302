using Referrals.Intake.Store;
using Referrals.Messaging.Documents;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Store;

public sealed class SqliteReferralStoreTests : ReferralStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IReferralStore> CreateStoreAsync() =>
        Task.FromResult<IReferralStore>(new SqliteReferralStore(new SqliteDatabase(_directory.SqliteConnectionString("intake"))));

    public void Dispose() => _directory.Dispose();
}
