using Microsoft.AspNetCore.Http.HttpResults;

namespace Referrals.ProviderDirectory.Http;

/// <summary>The directory's problem responses.</summary>
public static class Errors
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Not found", detail: what, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
