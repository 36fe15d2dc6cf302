namespace Referrals.Contracts.ProviderDirectory;

/// <summary>No candidate had a free place: the referral waits in the queue of its service type.</summary>
public sealed record ReferralWaitlisted(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    int Attempt,
    string ServiceType,
    int Position);
