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
/// Hands one stored SMS to the gateway, at most once. Only the writer that moves it from Created to Sent (version-guarded)
/// calls the gateway, so the consumer, its redeliveries, the re-sender and a second instance can all try safely.
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

        var claimed = false;
        var message = await store.Messages.UpdateAsync(id,
            m => claimed = m.IsDue(time.GetUtcNow()) && m.MoveTo(SmsState.Sent, time.GetUtcNow(), null),
            cancellationToken: cancellationToken);
        if (!claimed || message is null)
        {
            return message?.State;
        }

        await publisher.PublishAsync(store.Messages, message, publishEndpoint, cancellationToken);

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
