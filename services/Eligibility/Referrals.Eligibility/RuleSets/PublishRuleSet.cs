using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Eligibility.Rules;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Eligibility.RuleSets;

/// <summary>
/// POST or PUT /api/eligibility/rulesets: a complete rule-set document (the same JSON as <c>rules.json</c>) becomes the
/// next version and judges every referral assessed from now on. The version number is assigned here. A document
/// with any defect is refused as a whole (administrators only; the publisher's id is kept with the version), each problem keyed by its JSON path (<c>rules[3].criterion.minYears</c>).
/// </summary>
public static class PublishRuleSet
{
    public static async Task<Results<Created<RuleSetSummary>, ValidationProblem>> HandleAsync(
        HttpRequest request, RuleSetVersions versions, CancellationToken cancellationToken)
    {
        RuleSet candidate;
        try
        {
            var parsed = await RuleSetJson.ParseAsync(request.Body, cancellationToken);

            // The service numbers versions; a document fetched from GET /rulesets/{version} can be edited and sent back as is.
            candidate = RuleSetJson.Validated(parsed with { Version = "next" });
        }
        catch (InvalidRuleSetException e)
        {
            return TypedResults.ValidationProblem(e.Errors(), title: "The rule-set document is invalid");
        }

        var published = await versions.PublishAsync(candidate, request.HttpContext.User.Actor().Id, cancellationToken);
        return TypedResults.Created($"/api/eligibility/rulesets/{published.Version}", published);
    }
}
