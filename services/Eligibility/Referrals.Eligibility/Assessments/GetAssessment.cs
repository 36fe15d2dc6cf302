using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Eligibility;
using Referrals.Reference;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Eligibility.Assessments;

/// <summary>
/// GET /api/eligibility/assessments/{referralId}: the stored assessment of a referral, for the social workers of the
/// referring municipality and the coordinator of its region; another tenant's referral is not found (its existence is not revealed).
/// </summary>
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
        Guid referralId, HttpContext http, IAssessmentStore store, CancellationToken cancellationToken)
    {
        var assessment = await store.FindAsync(referralId, cancellationToken);
        return assessment is null || !http.User.Actor().CanReadReferralOf(assessment.Municipality, Municipalities.RegionOf)
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
