namespace Referrals.Eligibility.Rules;

/// <summary>A versioned rule set; every assessment records the version it was made under.</summary>
public sealed record RuleSet(string Version, IReadOnlyList<EligibilityRule> Rules);
