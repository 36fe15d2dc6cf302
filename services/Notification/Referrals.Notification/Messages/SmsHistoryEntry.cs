using Referrals.Contracts.Notification;

namespace Referrals.Notification.Messages;

/// <summary>One state an SMS reached, and when.</summary>
public sealed class SmsHistoryEntry
{
    public SmsState State { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Gateway answer or failure reason; never the text or the number.</summary>
    public string? Detail { get; set; }
}
