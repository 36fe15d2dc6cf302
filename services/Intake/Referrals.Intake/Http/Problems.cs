using Microsoft.AspNetCore.Http.HttpResults;

namespace Referrals.Intake.Http;

/// <summary>The 403, 404 and 409 problem details every referral endpoint answers with.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(
            title: "Referral not found",
            detail: $"There is no referral {id}.",
            statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>A 403 naming the field whose value is another tenant's (e.g. <c>municipality</c>).</summary>
    public static ProblemHttpResult Forbidden(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "Not your tenant",
            Detail = message,
            Status = StatusCodes.Status403Forbidden,
        });
}
