namespace Referrals.ProviderDirectory.Internal;

/// <summary>A referral left (withdrawn or closed): its service drops the pending offer or returns the place it held.</summary>
public sealed record PlaceReleaseRequested(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    string? Actor,
    string ServiceId);
