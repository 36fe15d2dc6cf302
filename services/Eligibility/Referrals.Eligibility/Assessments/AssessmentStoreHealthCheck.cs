using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Referrals.Eligibility.Assessments;

/// <summary>Readiness: the store answers a lookup.</summary>
public sealed class AssessmentStoreHealthCheck(IAssessmentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.FindAsync(Guid.Empty, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The eligibility store does not answer.", e);
        }
    }
}
