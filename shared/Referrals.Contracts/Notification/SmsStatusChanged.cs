namespace Referrals.Contracts.Notification;

/// <summary>An SMS about a referral changed state (queued, sent, delivered, failed…). Never carries the text or number.</summary>
public sealed record SmsStatusChanged(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    Guid MessageId,
    int StatusSequence,
    SmsState State,
    string? Detail);

public enum SmsState
{
    Created,
    Sent,
    Accepted,
    Delivered,
    Failed,
    Rejected,

    /// <summary>Deliberately not sent: the family opted out, or the referral moved on while the SMS waited for morning.</summary>
    Cancelled,
}
