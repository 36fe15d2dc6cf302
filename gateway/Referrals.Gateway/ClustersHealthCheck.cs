using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Referrals.Gateway;

/// <summary>
/// The gateway is ready when every API cluster has at least one destination its active health checks call healthy.
/// A cluster marked <c>ReadinessOptional</c> (the portal) does not count: the APIs stay in service while the web
/// front end is down.
/// </summary>
internal sealed class ClustersHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public const string ReadinessOptional = "ReadinessOptional";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = proxy.GetClusters()
            .Where(cluster => cluster.Model.Config.Metadata?.GetValueOrDefault(ReadinessOptional) != "true")
            // Not AvailableDestinations: under HealthyOrPanic that list holds every destination once all are unhealthy.
            .Where(cluster => !cluster.Destinations.Values.Any(d =>
                d.Health.Active != DestinationHealth.Unhealthy && d.Health.Passive != DestinationHealth.Unhealthy))
            .Select(cluster => cluster.ClusterId)
            .ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"No healthy destination in: {string.Join(", ", down)}"));
    }
}
