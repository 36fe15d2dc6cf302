using Referrals.Intake.Store;
using Referrals.Messaging.Documents;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Store;

/// <summary>Skipped, with the reason, where no MongoDB is reachable (see <see cref="TestInfrastructure"/>).</summary>
public sealed class MongoReferralStoreTests : ReferralStoreContract, IDisposable
{
    private readonly MongoClients _clients = new();

    protected override async Task<IReferralStore> CreateStoreAsync()
    {
        var connectionString = await TestInfrastructure.FreshMongoDatabaseAsync("intake");
        return new MongoReferralStore(_clients.Database(connectionString));
    }

    public void Dispose() => _clients.Dispose();
}
