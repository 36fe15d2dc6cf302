using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Referrals.Gateway;

/// <summary>The gateway is ready when every cluster has at least one destination its active health checks call healthy.</summary>
internal sealed class ClustersHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = proxy.GetClusters()
            .Where(cluster => cluster.DestinationsState.AvailableDestinations.Count == 0)
            .Select(cluster => cluster.ClusterId)
            .ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"No healthy destination in: {string.Join(", ", down)}"));
    }
}
