namespace Referrals.Contracts.Intake;

/// <summary>
/// The retention period of a finished referral ran out and Intake erased the client's personal data; every service
/// erases what it holds about the person for this referral (the family's phone number, for one).
/// </summary>
public sealed record ReferralAnonymised(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt);
