using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.Rules.Criteria;
using Referrals.Eligibility.RuleSets;
using Referrals.Reference;

namespace Referrals.Eligibility.RuleCatalogue;

/// <summary>
/// GET /api/eligibility/rules?serviceType=&amp;programme=&amp;version=: the rules in force (or of an older version),
/// optionally only those a service type, or a seed-004 programme, is judged by.
/// </summary>
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
        IReadOnlyList<string> Programmes,
        RuleSource Source,
        DateOnly? ValidFrom,
        DateOnly? ValidTo,
        string RuleSetVersion,
        Criterion Criterion);

    /// <param name="version">A rule-set version to list instead of the current one.</param>
    public static async Task<Results<Ok<List<RuleView>>, ValidationProblem>> HandleAsync(
        string? serviceType, string? programme, string? version, RuleSetVersions versions, CancellationToken cancellationToken)
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

        var ruleSet = string.IsNullOrEmpty(version)
            ? await versions.CurrentAsync(cancellationToken)
            : await versions.FindAsync(version, cancellationToken);
        if (ruleSet is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["version"] = [$"Unknown rule-set version '{version}'."],
            });
        }

        var rules = ruleSet.Rules
            .Where(r => serviceType is null || r.ServiceTypes.Count == 0 || r.ServiceTypes.Contains(serviceType, StringComparer.Ordinal))
            .Where(r => string.IsNullOrEmpty(programme) || r.Programmes.Count == 0 || r.Programmes.Contains(programme, StringComparer.Ordinal))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new RuleView(
                r.Id, r.TitleLv, r.TitleLv, r.TitleEn, r.Strength, r.ServiceTypes, r.ClientGroups, r.Programmes, r.Source,
                r.ValidFrom, r.ValidTo, ruleSet.Version, r.Criterion))
            .ToList();
        return TypedResults.Ok(rules);
    }
}
