using Microsoft.AspNetCore.Http.HttpResults;

namespace Referrals.ProviderDirectory.Http;

/// <summary>The directory's problem responses.</summary>
public static class Errors
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Not found", detail: what, statusCode: StatusCodes.Status404NotFound);

    /// <summary>A list filtered by another tenant (a single resource of another tenant is <see cref="NotFound"/> instead).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
