namespace Referrals.Contracts.Intake;

/// <summary>A placed referral ended with an outcome; the place it held is free again.</summary>
public sealed record ReferralClosed(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    string? Actor,
    ReferralOutcome Outcome,
    string? Note);

public enum ReferralOutcome
{
    NeedMet,
    PartiallyMet,
    NotMet,
    NoLongerNeeded,
    ReferredElsewhere,
}
