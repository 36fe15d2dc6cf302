using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.Rules.Criteria;
using Referrals.Reference;

namespace Referrals.Eligibility.RuleCatalogue;

/// <summary>GET /api/eligibility/rules?serviceType=: the rules in force, optionally only those a service type is judged by.</summary>
public static class ListRules
{
    /// <param name="Title">The Latvian title (the working language); both languages follow.</param>
    public sealed record RuleView(
        string Id,
        string Title,
        string TitleLv,
        string TitleEn,
        RuleStrength Strength,
        IReadOnlyList<string> ServiceTypes,
        IReadOnlyList<string> ClientGroups,
        RuleSource Source,
        DateOnly? ValidFrom,
        DateOnly? ValidTo,
        string RuleSetVersion,
        Criterion Criterion);

    public static Results<Ok<List<RuleView>>, ValidationProblem> Handle(string? serviceType, RuleSet ruleSet)
    {
        // "?serviceType=" (empty) means no filter, as leaving the parameter out does.
        serviceType = string.IsNullOrEmpty(serviceType) ? null : serviceType;
        if (serviceType is not null && !ServiceTypes.IsKnown(serviceType))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["serviceType"] = [$"Unknown service type code '{serviceType}'."],
            });
        }

        var rules = ruleSet.Rules
            .Where(r => serviceType is null || r.ServiceTypes.Count == 0 || r.ServiceTypes.Contains(serviceType, StringComparer.Ordinal))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new RuleView(
                r.Id, r.TitleLv, r.TitleLv, r.TitleEn, r.Strength, r.ServiceTypes, r.ClientGroups, r.Source,
                r.ValidFrom, r.ValidTo, ruleSet.Version, r.Criterion))
            .ToList();
        return TypedResults.Ok(rules);
    }
}
