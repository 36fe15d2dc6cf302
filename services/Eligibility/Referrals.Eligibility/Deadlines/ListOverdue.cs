using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Assessments;
using Referrals.Reference;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Eligibility.Deadlines;

/// <summary>
/// GET /api/eligibility/overdue: referrals whose eligibility decision is past its due date, oldest due first; a social
/// worker sees those of their municipality, a coordinator those of their region. The municipality is given (last, so
/// existing readers are undisturbed) for the coordinator report's per-municipality rows.
/// </summary>
public static class ListOverdue
{
    private const int Max = 1000;

    public sealed record OverdueView(
        Guid ReferralId,
        string ServiceType,
        EligibilityOutcome Outcome,
        string RuleSetVersion,
        DateOnly? DocumentsCompleteOn,
        DateOnly? DecisionDueOn,
        DateTimeOffset? OverdueSince,
        string Municipality);

    public static async Task<Ok<List<OverdueView>>> HandleAsync(HttpContext http, IAssessmentStore store, CancellationToken cancellationToken)
    {
        var overdue = await store.ListOverdueAsync(http.User.Actor().ReadableMunicipalities(Municipalities.Regions), Max, cancellationToken);
        return TypedResults.Ok(overdue
            .Select(a => new OverdueView(a.ReferralId, a.ServiceType, a.Outcome, a.RuleSetVersion, a.DocumentsCompleteOn, a.DecisionDueOn, a.OverdueSince, a.Municipality))
            .ToList());
    }
}
