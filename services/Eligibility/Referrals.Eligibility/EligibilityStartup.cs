using Referrals.Eligibility.Assessments;
using Referrals.Eligibility.Rules;

namespace Referrals.Eligibility;

/// <summary>
/// Builds the rule set and the store before the bus starts consuming, so a broken rule set, an unreachable store or a
/// failed index creation stops start-up instead of failing the first referral.
/// </summary>
public sealed class EligibilityStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<RuleSet>();
        services.GetRequiredService<IAssessmentStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
