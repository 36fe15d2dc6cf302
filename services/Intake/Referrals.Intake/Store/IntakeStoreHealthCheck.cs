using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Referrals.Intake.Store;

/// <summary>Ready only when the referral store answers a read.</summary>
public sealed class IntakeStoreHealthCheck(IReferralStore store) : IHealthCheck
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
            return HealthCheckResult.Unhealthy("The intake store did not answer.", e);
        }
    }
}
