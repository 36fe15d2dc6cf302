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

    /// <summary>
    /// The referring social service's municipality (ISO code): the tenant whose social workers, and whose region's
    /// coordinator, may read this assessment. Empty for assessments stored before it was kept (no one but the bus sees those).
    /// </summary>
    public string Municipality { get; set; } = "";

    public EligibilityOutcome Outcome { get; set; }

    public string RuleSetVersion { get; set; } = "";

    public DateTimeOffset AssessedAt { get; set; }

    public List<AssessedRule> Results { get; set; } = [];

    /// <summary>The day the documents were complete (as the referral states, else the day it was submitted): MK 138 point 11 clock start.</summary>
    public DateOnly? DocumentsCompleteOn { get; set; }

    /// <summary>The day by which the social service must decide; an assessment still waiting for information after it is overdue.</summary>
    public DateOnly? DecisionDueOn { get; set; }

    /// <summary>When the background check flagged the decision overdue (and raised EligibilityDecisionDeadlinePassed); null = not overdue.</summary>
    public DateTimeOffset? OverdueSince { get; set; }

    public static string IdOf(Guid referralId) => referralId.ToString("D");

    /// <summary>Still waiting for information, past its due date, and not yet flagged.</summary>
    public bool IsOverdueOn(DateOnly today) =>
        Outcome == EligibilityOutcome.NeedsInformation && DecisionDueOn is { } due && due < today && OverdueSince is null;

    public static Assessment Of(
        Guid referralId, string serviceType, EligibilityEvaluation evaluation, DateTimeOffset assessedAt,
        DateOnly? documentsCompleteOn = null, DateOnly? decisionDueOn = null, string municipality = "") => new()
    {
        Municipality = municipality,
        DocumentsCompleteOn = documentsCompleteOn,
        DecisionDueOn = decisionDueOn,
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
