using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Eligibility;

namespace Referrals.Eligibility.Assessments;

/// <summary>GET /api/eligibility/assessments/{referralId}: the stored assessment of a referral.</summary>
public static class GetAssessment
{
    public sealed record AssessmentResponse(
        Guid ReferralId,
        EligibilityOutcome Outcome,
        string RuleSetVersion,
        DateTimeOffset AssessedAt,
        IReadOnlyList<RuleResult> Results,
        DateOnly? DocumentsCompleteOn,
        DateOnly? DecisionDueOn,
        DateTimeOffset? OverdueSince);

    public static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> HandleAsync(
        Guid referralId, IAssessmentStore store, CancellationToken cancellationToken)
    {
        var assessment = await store.FindAsync(referralId, cancellationToken);
        return assessment is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Assessment not found",
                detail: $"Referral {referralId} has not been assessed (or does not exist).")
            : TypedResults.Ok(new AssessmentResponse(
                assessment.ReferralId,
                assessment.Outcome,
                assessment.RuleSetVersion,
                assessment.AssessedAt,
                assessment.RuleResults(),
                assessment.DocumentsCompleteOn,
                assessment.DecisionDueOn,
                assessment.OverdueSince));
    }
}
