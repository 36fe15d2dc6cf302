using MassTransit;
using Microsoft.Extensions.Options;
using Referrals.Contracts.Notification;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;
using Referrals.Notification.Store;

namespace Referrals.Notification.Sending;

/// <summary>
/// Hands one stored SMS to the gateway, once. Only the writer that moves it to Sent (version-guarded) calls the gateway,
/// so the consumer, its redeliveries, the re-sender and a second instance can all try safely. A hand-over nobody heard
/// back from (the process died in between) is due again after <see cref="NotificationOptions.UnansweredHandOverTimeout"/>.
/// Consent, opt-out and (for an SMS held overnight) whether the referral has moved on are checked at send time.
/// </summary>
public sealed partial class SmsDispatcher(
    INotificationStore store,
    ISmsSender sender,
    OutboxPublisher publisher,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<SmsDispatcher> logger)
{
    /// <returns>The state the SMS is left in (null when it does not exist).</returns>
    public async Task<SmsState?> SendAsync(string id, IPublishEndpoint publishEndpoint, CancellationToken cancellationToken)
    {
        var current = await store.Messages.FindAsync(id, cancellationToken);
        if (current is null || !current.IsDue(time.GetUtcNow()))
        {
            return current?.State;
        }

        var contact = await store.Contacts.FindAsync(FamilyContactDocument.IdFor(current.ReferralId), cancellationToken);
        var reason = NotToBeSent(current, contact);
        if (reason is not null)
        {
            var dropped = await store.Messages.UpdateAsync(id, m => m.IsDue(time.GetUtcNow()) && m.MoveTo(SmsState.Cancelled, time.GetUtcNow(), reason),
                cancellationToken: cancellationToken);
            await publisher.PublishAsync(store.Messages, dropped, publishEndpoint, cancellationToken);
            LogNotSent(logger, id, reason);
            return dropped?.State;
        }

        var written = false;
        var message = await store.Messages.UpdateAsync(id,
            // An erasure that got in between leaves no number to send to: the next pass cancels the SMS.
            m => written = m.IsDue(time.GetUtcNow()) && !string.IsNullOrEmpty(m.To) && Claim(m),
            cancellationToken: cancellationToken);
        if (!written || message is not { State: SmsState.Sent })
        {
            if (written)
            {
                // Given up after too many unanswered hand-overs.
                await publisher.PublishAsync(store.Messages, message, publishEndpoint, cancellationToken);
            }

            return message?.State;
        }

        // The Sent event waits in the document's outbox and goes out with the answer's: a broker that is down now must
        // not stop the SMS from being handed over.
        SmsSendResult result;
        try
        {
            result = await sender.SendAsync(
                new SmsRequest(message.SmsId, message.To, message.Text, message.Encoding, message.Segments) { MessageId = message.Id },
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The port promises results, not exceptions; an adapter bug still must not strand the SMS in Sent.
            result = SmsSendResult.Retryable(e.GetType().Name);
        }

        message = await store.Messages.UpdateAsync(id, m => Record(m, result), cancellationToken: CancellationToken.None);
        await publisher.PublishAsync(store.Messages, message, publishEndpoint, CancellationToken.None);
        LogHandedOver(logger, id, message?.State);
        return message?.State;
    }

    private bool Claim(SmsMessage message)
    {
        var now = time.GetUtcNow();
        var unanswered = message.State == SmsState.Sent;
        if (unanswered && ++message.Attempts >= options.Value.MaxSendAttempts)
        {
            return message.MoveTo(SmsState.Failed, now, $"Gave up after {message.Attempts} attempts: no answer from the gateway.");
        }

        message.DueAt = now + options.Value.UnansweredHandOverTimeout;
        return message.MoveTo(SmsState.Sent, now, unanswered ? "No answer from the gateway to the last hand-over; handing over again." : null);
    }

    private bool Record(SmsMessage message, SmsSendResult result)
    {
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case SmsSendOutcome.Accepted:
                if (!message.MoveTo(SmsState.Accepted, now, result.Detail))
                {
                    // A delivery report overtook the gateway's answer; the report's state stands.
                    return false;
                }

                message.GatewayReference = result.GatewayReference ?? message.GatewayReference;
                return true;
            case SmsSendOutcome.PermanentFailure:
                return message.MoveTo(SmsState.Failed, now, result.Detail);
            case SmsSendOutcome.AnswerUnknown:
                // Stays Sent, due again at the claim's answer deadline unless a delivery report settles it first.
                message.History.Add(new SmsHistoryEntry
                {
                    State = SmsState.Sent,
                    At = now,
                    Detail = $"{result.Detail}; waiting for the delivery report before handing over again",
                });
                return true;
            default:
                var settings = options.Value;
                message.Attempts++;
                if (message.Attempts >= settings.MaxSendAttempts)
                {
                    return message.MoveTo(SmsState.Failed, now, $"Gave up after {message.Attempts} attempts: {result.Detail}");
                }

                var backoff = settings.RetryBackoff * Math.Pow(2, Math.Min(message.Attempts - 1, 16));
                message.DueAt = now + (backoff < settings.MaxRetryBackoff ? backoff : settings.MaxRetryBackoff);
                return message.MoveTo(SmsState.Created, now, result.Detail);
        }
    }

    private static string? NotToBeSent(SmsMessage message, FamilyContactDocument? contact)
    {
        if (contact?.AnonymisedAt is not null || string.IsNullOrEmpty(message.To))
        {
            return Anonymisation.FamilyDataErasure.ErasedDetail;
        }

        if (contact is null || !contact.SmsConsent || string.IsNullOrEmpty(contact.Phone))
        {
            return "No SMS consent; not sent.";
        }

        if (contact.OptedOut)
        {
            return "The family asked not to be contacted; not sent.";
        }

        // Only an SMS held overnight is superseded: sent in the morning it would report a status that is no longer true.
        return message.HeldUntil is not null && contact.LatestRelevantSequence > message.StatusSequence
            ? "Superseded: the referral moved on while the SMS was held for quiet hours; not sent."
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {SmsMessageId} not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string smsMessageId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {SmsMessageId} handed to the gateway: {State}")]
    private static partial void LogHandedOver(ILogger logger, string smsMessageId, SmsState? state);
}
