using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Eligibility.Rules;

namespace Referrals.Eligibility.RuleSets;

/// <summary>GET /api/eligibility/rulesets (every version, oldest first) and /rulesets/{version} (one version's full document).</summary>
public static class ReadRuleSets
{
    public static async Task<Ok<IReadOnlyList<RuleSetSummary>>> ListAsync(RuleSetVersions versions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await versions.ListAsync(cancellationToken));

    public static async Task<Results<Ok<RuleSet>, ProblemHttpResult>> GetAsync(
        string version, RuleSetVersions versions, CancellationToken cancellationToken) =>
        await versions.FindAsync(version, cancellationToken) is { } ruleSet
            ? TypedResults.Ok(ruleSet)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Rule set not found",
                detail: $"There is no rule-set version '{version}'.");
}
