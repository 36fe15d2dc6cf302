namespace Referrals.Contracts.Eligibility;

/// <summary>
/// A referral's eligibility decision passed its due date (documents complete + the service's deadline, MK 138
/// point 11) while still waiting for information. Published once per referral, for reporting.
/// </summary>
public sealed record EligibilityDecisionDeadlinePassed(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    string ServiceType,
    DateOnly DecisionDueOn,
    EligibilityOutcome Outcome);
