using Microsoft.AspNetCore.Http.HttpResults;

namespace Referrals.Intake.Http;

/// <summary>The 404 and 409 problem details every referral endpoint answers with.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(
            title: "Referral not found",
            detail: $"There is no referral {id}.",
            statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
}
