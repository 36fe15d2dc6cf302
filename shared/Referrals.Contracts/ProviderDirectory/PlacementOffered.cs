namespace Referrals.Contracts.ProviderDirectory;

/// <summary>
/// The directory offered the placement to a provider's service. <paramref name="Attempt"/> counts the offers and
/// waitlistings of one referral (1, 2, 3…) so a late message can be told from a current one.
/// </summary>
public sealed record PlacementOffered(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    int Attempt,
    Guid OfferId,
    string ProviderId,
    string ProviderName,
    string ServiceId,
    int Rank,
    IReadOnlyList<string> Why);
