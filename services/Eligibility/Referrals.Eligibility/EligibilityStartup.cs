using Referrals.Eligibility.Assessments;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.RuleSets;

namespace Referrals.Eligibility;

/// <summary>
/// Builds the rule set and the store before the bus starts consuming, so a broken rule set, an unreachable store or a
/// failed index creation stops start-up instead of failing the first referral. The newest published version is read
/// too: a stored document that no longer validates (e.g. a vocabulary code was removed) must be noticed now.
/// </summary>
public sealed class EligibilityStartup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<RuleSet>();
        services.GetRequiredService<IAssessmentStore>();
        services.GetRequiredService<IRuleSetStore>();
        await services.GetRequiredService<RuleSetVersions>().CurrentAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
