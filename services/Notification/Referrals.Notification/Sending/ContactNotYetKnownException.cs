using Referrals.Messaging.Bus;

namespace Referrals.Notification.Sending;

/// <summary>
/// A status change arrived before the referral's <c>ReferralSubmitted</c> (separate queues, no ordering between them).
/// Thrown so the consumer's retry policy waits for the contact instead of dropping the SMS.
/// </summary>
public sealed class ContactNotYetKnownException(Guid referralId)
    : MessageArrivedEarlyException($"No family contact for referral {referralId} yet; ReferralSubmitted has not been consumed.")
{
    public Guid ReferralId { get; } = referralId;
}
