using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Referrals.ProviderDirectory.Store;

/// <summary>Ready only when the directory's store answers a query.</summary>
public sealed class DirectoryStoreHealthCheck(IDirectoryStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.AnyOrganisationAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The provider directory store does not answer.", e);
        }
    }
}
