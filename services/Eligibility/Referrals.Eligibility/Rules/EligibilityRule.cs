using Referrals.Eligibility.Rules.Criteria;

namespace Referrals.Eligibility.Rules;

/// <summary>
/// One rule of a rule set: data, not code. Which referrals it concerns (service types, client groups, validity),
/// how binding it is, where it comes from, and the one typed criterion it checks.
/// </summary>
public sealed record EligibilityRule
{
    public required string Id { get; init; }

    public required string TitleLv { get; init; }

    public required string TitleEn { get; init; }

    /// <summary>Service-type codes the rule applies to; empty = every service.</summary>
    public IReadOnlyList<string> ServiceTypes { get; init; } = [];

    /// <summary>Client-group codes the rule applies to; empty = every group (e.g. a psychiatrist's opinion only for GRT).</summary>
    public IReadOnlyList<string> ClientGroups { get; init; } = [];

    /// <summary>
    /// Seed-004 programme codes (H4, M24…) the rule is limited to; empty = any. A programme-specific rule is judged only
    /// when the referral names one of these programmes, so e.g. Ģintermuiža's age band never refuses other referrals.
    /// </summary>
    public IReadOnlyList<string> Programmes { get; init; } = [];

    public required RuleStrength Strength { get; init; }

    public required RuleSource Source { get; init; }

    /// <summary>First day the rule applies (inclusive); null = always has.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day the rule applies (inclusive); null = still in force.</summary>
    public DateOnly? ValidTo { get; init; }

    public required Criterion Criterion { get; init; }

    public bool AppliesTo(EligibilityFacts facts, DateOnly referenceDate) =>
        (ServiceTypes.Count == 0 || ServiceTypes.Contains(facts.ServiceType, StringComparer.Ordinal))
        && (ClientGroups.Count == 0 || ClientGroups.Contains(facts.ClientGroup, StringComparer.Ordinal))
        && (Programmes.Count == 0 || (facts.Programme is not null && Programmes.Contains(facts.Programme, StringComparer.Ordinal)))
        && (ValidFrom is null || ValidFrom <= referenceDate)
        && (ValidTo is null || referenceDate <= ValidTo);
}
