namespace Referrals.Contracts.Intake;

/// <summary>
/// The referral moved from one status to another. <paramref name="Sequence"/> numbers the changes of one referral
/// (1, 2, 3…), so (ReferralId, Sequence) identifies a change exactly once.
/// </summary>
public sealed record ReferralStatusChanged(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    string? Actor,
    int Sequence,
    ReferralStatus From,
    ReferralStatus To,
    string ShortCode,
    string ServiceType,
    string? Reason,
    ProviderContact? Provider,
    int? WaitlistPosition);

/// <summary>The provider's public contact, as the family may see it.</summary>
public sealed record ProviderContact(string ProviderId, string Name, string? Phone);
