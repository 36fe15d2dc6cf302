namespace Referrals.ProviderDirectory.Internal;

/// <summary>A placement request chose a service: the service document records the offer and announces it.</summary>
public sealed record OfferRequested(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    string ServiceId,
    Guid OfferId,
    int Attempt,
    int Rank,
    IReadOnlyList<string> Why);
