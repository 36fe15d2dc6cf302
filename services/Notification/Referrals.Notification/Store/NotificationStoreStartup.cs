namespace Referrals.Notification.Store;

/// <summary>Opens the store before the bus starts, so a bad connection string or an unreachable database fails start-up.</summary>
internal sealed class NotificationStoreStartup(INotificationStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = store;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
