namespace Referrals.Contracts.ProviderDirectory;

/// <summary>A provider declined an offer (or it lapsed because the last place went elsewhere).</summary>
public sealed record PlacementDeclined(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    string? Actor,
    int Attempt,
    Guid OfferId,
    string ProviderId,
    DeclineReason Reason,
    string? ReasonText);
