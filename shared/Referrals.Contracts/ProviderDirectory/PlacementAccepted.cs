namespace Referrals.Contracts.ProviderDirectory;

/// <summary>A provider accepted the placement and one of its free places is now taken by this referral.</summary>
public sealed record PlacementAccepted(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    string? Actor,
    int Attempt,
    Guid OfferId,
    string ProviderId,
    string ProviderName,
    string? ProviderPhone,
    string ServiceId);
