namespace Referrals.Contracts.Eligibility;

/// <summary>The eligibility service evaluated a referral against a rule set, with one line per rule.</summary>
public sealed record EligibilityAssessed(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    EligibilityOutcome Outcome,
    string RuleSetVersion,
    IReadOnlyList<RuleResult> Results);

public enum EligibilityOutcome
{
    Eligible,
    NotEligible,
    NeedsInformation,
}

/// <summary>One rule's verdict and why, in Latvian and English.</summary>
public sealed record RuleResult(string RuleId, RuleVerdict Verdict, string ReasonLv, string ReasonEn);

public enum RuleVerdict
{
    Passed,
    Failed,
    MissingInformation,
    Warning,
}
