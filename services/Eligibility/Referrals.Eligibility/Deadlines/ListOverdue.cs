using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Assessments;

namespace Referrals.Eligibility.Deadlines;

/// <summary>GET /api/eligibility/overdue: referrals whose eligibility decision is past its due date, oldest due first.</summary>
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
        DateTimeOffset? OverdueSince);

    public static async Task<Ok<List<OverdueView>>> HandleAsync(IAssessmentStore store, CancellationToken cancellationToken)
    {
        var overdue = await store.ListOverdueAsync(Max, cancellationToken);
        return TypedResults.Ok(overdue
            .Select(a => new OverdueView(a.ReferralId, a.ServiceType, a.Outcome, a.RuleSetVersion, a.DocumentsCompleteOn, a.DecisionDueOn, a.OverdueSince))
            .ToList());
    }
}
