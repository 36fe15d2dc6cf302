namespace Referrals.ProviderDirectory.Internal;

/// <summary>A pending offer was dropped because its referral left; only the offers read model listens.</summary>
public sealed record OfferCancelled(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    Guid OfferId,
    string ServiceId);
