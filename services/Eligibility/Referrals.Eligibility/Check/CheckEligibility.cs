using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.RuleSets;

using Referrals.ServiceDefaults.Http;

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
        IReadOnlyList<string?>? Documents)
    {
        public string? Gender { get; init; }

        public string? ReferredBy { get; init; }

        public IReadOnlyList<string?>? ConsentGivenBy { get; init; }

        public string? CareLevel { get; init; }

        public string? IncomeStatus { get; init; }

        public IReadOnlyList<string?>? DiagnosisCodes { get; init; }

        public string? Programme { get; init; }
    }

    public sealed record CheckResponse(EligibilityOutcome Outcome, string RuleSetVersion, IReadOnlyList<RuleResult> Results);

    public static async Task<Results<Ok<CheckResponse>, ValidationProblem>> HandleAsync(
        HttpRequest request, RuleSetVersions ruleSets, TimeProvider time, CancellationToken cancellationToken)
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
            (body.Documents ?? []).OfType<string>().ToList())
        {
            Gender = body.Gender,
            ReferredBy = body.ReferredBy,
            ConsentGivenBy = body.ConsentGivenBy?.OfType<string>().ToList(),
            CareLevel = body.CareLevel,
            IncomeStatus = body.IncomeStatus,
            DiagnosisCodes = body.DiagnosisCodes?.OfType<string>().ToList(),
            Programme = body.Programme,
        };
        var ruleSet = await ruleSets.CurrentAsync(cancellationToken);
        var evaluation = RuleEvaluator.Evaluate(ruleSet, facts, today);
        return TypedResults.Ok(new CheckResponse(evaluation.Outcome, evaluation.RuleSetVersion, evaluation.Results));
    }
}
