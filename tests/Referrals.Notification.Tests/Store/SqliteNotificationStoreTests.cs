using Referrals.Notification.Store;
using Referrals.Testing;

namespace Referrals.Notification.Tests.Store;

public sealed class SqliteNotificationStoreTests : NotificationStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<INotificationStore> CreateStoreAsync() =>
        Task.FromResult<INotificationStore>(new SqliteNotificationStore(_directory.SqliteConnectionString("notification")));

    public void Dispose() => _directory.Dispose();
}
