using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Rules;
using Referrals.Messaging.Outbox;

namespace Referrals.Eligibility.Assessments;

/// <summary>
/// The eligibility assessment of one referral (id = referral id, so a referral is assessed once). Holds the verdicts
/// and the rule-set version, never the facts behind them: no birth date, no names, no codes of the person.
/// </summary>
public sealed class Assessment : OutboxDocument
{
    public Guid ReferralId { get; set; }

    public string ServiceType { get; set; } = "";

    public EligibilityOutcome Outcome { get; set; }

    public string RuleSetVersion { get; set; } = "";

    public DateTimeOffset AssessedAt { get; set; }

    public List<AssessedRule> Results { get; set; } = [];

    public static string IdOf(Guid referralId) => referralId.ToString("D");

    public static Assessment Of(Guid referralId, string serviceType, EligibilityEvaluation evaluation, DateTimeOffset assessedAt) => new()
    {
        Id = IdOf(referralId),
        ReferralId = referralId,
        ServiceType = serviceType,
        Outcome = evaluation.Outcome,
        RuleSetVersion = evaluation.RuleSetVersion,
        AssessedAt = assessedAt,
        Results = evaluation.Results.Select(AssessedRule.Of).ToList(),
    };

    public IReadOnlyList<RuleResult> RuleResults() => Results.Select(r => r.ToContract()).ToList();
}

/// <summary>One rule's verdict as stored (a mutable class so the BSON and JSON mappers both round-trip it).</summary>
public sealed class AssessedRule
{
    public string RuleId { get; set; } = "";

    public RuleVerdict Verdict { get; set; }

    public string ReasonLv { get; set; } = "";

    public string ReasonEn { get; set; } = "";

    public static AssessedRule Of(RuleResult result) => new()
    {
        RuleId = result.RuleId,
        Verdict = result.Verdict,
        ReasonLv = result.ReasonLv,
        ReasonEn = result.ReasonEn,
    };

    public RuleResult ToContract() => new(RuleId, Verdict, ReasonLv, ReasonEn);
}
