using Referrals.Messaging.Documents;
using Referrals.Notification.Store;
using Referrals.Testing;

namespace Referrals.Notification.Tests.Store;

/// <summary>Skipped, with the reason, where neither REFERRALS_TEST_MONGODB nor Docker is available.</summary>
public sealed class MongoNotificationStoreTests : NotificationStoreContract, IDisposable
{
    private readonly MongoClients _clients = new();

    protected override async Task<INotificationStore> CreateStoreAsync()
    {
        var connectionString = await TestInfrastructure.FreshMongoDatabaseAsync("notification");
        return new MongoNotificationStore(_clients.Database(connectionString));
    }

    public void Dispose() => _clients.Dispose();
}
