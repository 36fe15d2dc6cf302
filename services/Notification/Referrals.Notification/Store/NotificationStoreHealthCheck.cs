using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Referrals.Notification.Store;

/// <summary>Ready only while the store answers a read.</summary>
internal sealed class NotificationStoreHealthCheck(INotificationStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.Contacts.FindAsync("health-probe", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The notification store did not answer.", e);
        }
    }
}
