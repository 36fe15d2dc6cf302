using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Http;
using Referrals.Eligibility.Rules;

namespace Referrals.Eligibility.Check;

/// <summary>POST /api/eligibility/check: what-if evaluation for a social worker before submitting. Stores nothing.</summary>
public static class CheckEligibility
{
    public sealed record CheckRequest(
        string? ServiceType,
        string? ClientGroup,
        DateOnly? DateOfBirth,
        string? Municipality,
        string? DeclaredMunicipality,
        IReadOnlyList<string?>? Documents);

    public sealed record CheckResponse(EligibilityOutcome Outcome, string RuleSetVersion, IReadOnlyList<RuleResult> Results);

    public static async Task<Results<Ok<CheckResponse>, ValidationProblem>> HandleAsync(
        HttpRequest request, RuleSet ruleSet, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, malformed) = await JsonBody.ReadAsync<CheckRequest>(request, cancellationToken);
        if (malformed is not null)
        {
            return TypedResults.ValidationProblem(malformed);
        }

        var today = LatvianCalendar.Today(time);
        var errors = CheckRequestValidator.Validate(body!, today);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var facts = new EligibilityFacts(
            body!.ServiceType!,
            body.ClientGroup!,
            body.DateOfBirth!.Value,
            body.Municipality!,
            body.DeclaredMunicipality!,
            (body.Documents ?? []).OfType<string>().ToList());
        var evaluation = RuleEvaluator.Evaluate(ruleSet, facts, today);
        return TypedResults.Ok(new CheckResponse(evaluation.Outcome, evaluation.RuleSetVersion, evaluation.Results));
    }
}
