using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Encoding;

namespace Referrals.Notification.Messages;

/// <summary>
/// One SMS about one status change of one referral. The id "{referralId}:{sequence}" is the idempotency key: it is
/// stored, with the text, before anything is handed to the gateway, so no redelivery or second instance can send twice.
/// </summary>
public sealed class SmsMessage : OutboxDocument
{
    private static readonly Dictionary<SmsState, SmsState[]> Allowed = new()
    {
        // Created → Cancelled: deliberately never handed over (opted out, superseded while held for quiet hours).
        // Created → Failed: the gateway never took it. Sent → Created: the gateway asked us to try again later.
        // Sent → Sent: nobody heard back from a hand-over (the process died in between); it is handed over again.
        [SmsState.Created] = [SmsState.Sent, SmsState.Failed, SmsState.Cancelled],
        [SmsState.Sent] = [SmsState.Accepted, SmsState.Failed, SmsState.Rejected, SmsState.Created, SmsState.Delivered, SmsState.Sent],
        [SmsState.Accepted] = [SmsState.Delivered, SmsState.Failed, SmsState.Rejected],
        [SmsState.Delivered] = [],
        [SmsState.Failed] = [],
        [SmsState.Rejected] = [],
        [SmsState.Cancelled] = [],
    };

    /// <summary>The reference handed to the gateway and carried by <see cref="SmsStatusChanged"/>.</summary>
    public Guid SmsId { get; set; }

    public Guid ReferralId { get; set; }

    public int StatusSequence { get; set; }

    public ReferralStatus Status { get; set; }

    public string Language { get; set; } = "lv";

    /// <summary>E.164.</summary>
    public string To { get; set; } = "";

    public string Text { get; set; } = "";

    public SmsAlphabet Encoding { get; set; }

    public int Segments { get; set; }

    public SmsState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The gateway's id for the message, once it accepted it.</summary>
    public string? GatewayReference { get; set; }

    public List<SmsHistoryEntry> History { get; set; } = [];

    /// <summary>
    /// Created: not to be handed over before this (quiet hours, or the back-off after a temporary gateway failure).
    /// Sent: handed over again if nothing was heard back by then.
    /// </summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Set when quiet hours held the SMS: at that time the referral may have moved on, so it is re-checked.</summary>
    public DateTimeOffset? HeldUntil { get; set; }

    /// <summary>Hand-overs the gateway answered with "try again later".</summary>
    public int Attempts { get; set; }

    public bool IsDue(DateTimeOffset now) =>
        (State == SmsState.Created && (DueAt is null || DueAt <= now))
        || (State == SmsState.Sent && DueAt is { } answerDue && answerDue <= now);

    public static string IdFor(Guid referralId, int sequence) => $"{referralId}:{sequence}";

    public static SmsMessage Create(Guid referralId, int sequence, ReferralStatus status, string language, string to,
        string text, SmsSize size, DateTimeOffset now)
    {
        var message = new SmsMessage
        {
            Id = IdFor(referralId, sequence),
            SmsId = Guid.NewGuid(),
            ReferralId = referralId,
            StatusSequence = sequence,
            Status = status,
            Language = language,
            To = to,
            Text = text,
            Encoding = size.Alphabet,
            Segments = size.Segments,
            State = SmsState.Created,
            CreatedAt = now,
        };
        message.Record(SmsState.Created, now, null);
        return message;
    }

    public bool CanMoveTo(SmsState next) => Allowed[State].Contains(next);

    /// <summary>Moves to <paramref name="next"/> and raises the matching event in the same write; false if not allowed from here.</summary>
    public bool MoveTo(SmsState next, DateTimeOffset now, string? detail)
    {
        if (!CanMoveTo(next))
        {
            return false;
        }

        State = next;
        Record(next, now, detail);
        return true;
    }

    private void Record(SmsState state, DateTimeOffset now, string? detail)
    {
        History.Add(new SmsHistoryEntry { State = state, At = now, Detail = detail });
        var eventId = Guid.NewGuid();
        Raise(new SmsStatusChanged(eventId, ReferralId, now, SmsId, StatusSequence, state, detail), eventId, now);
    }
}
