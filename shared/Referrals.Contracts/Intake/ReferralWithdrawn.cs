namespace Referrals.Contracts.Intake;

/// <summary>The social worker withdrew the referral before a placement was closed.</summary>
public sealed record ReferralWithdrawn(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    string? Actor,
    string Reason);
