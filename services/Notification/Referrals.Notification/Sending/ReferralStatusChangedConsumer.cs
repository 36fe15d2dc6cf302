using MassTransit;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;
using Referrals.Notification.Store;
using Referrals.Notification.Templates;

namespace Referrals.Notification.Sending;

/// <summary>
/// One SMS per family-relevant status change. The message is stored (Created, with its text) under the id
/// "{referralId}:{sequence}" before anything is sent; only the delivery that moves it from Created to Sent hands it to
/// the gateway, so redeliveries, duplicates and competing instances cannot text the family twice.
/// </summary>
public sealed partial class ReferralStatusChangedConsumer(
    INotificationStore store,
    ISmsSender sender,
    OutboxPublisher publisher,
    TimeProvider time,
    ILogger<ReferralStatusChangedConsumer> logger) : IConsumer<ReferralStatusChanged>
{
    public async Task Consume(ConsumeContext<ReferralStatusChanged> context)
    {
        var change = context.Message;
        var cancellationToken = context.CancellationToken;
        if (!SmsText.IsFamilyRelevant(change.To))
        {
            return;
        }

        var contact = await store.Contacts.FindAsync(FamilyContactDocument.IdFor(change.ReferralId), cancellationToken)
            ?? throw new ContactNotYetKnownException(change.ReferralId);
        if (!contact.SmsConsent || string.IsNullOrEmpty(contact.Phone))
        {
            LogNoConsent(logger, change.ReferralId, change.Sequence);
            return;
        }

        var message = await CreateOnceAsync(change, contact, context.DeduplicationId(), cancellationToken);
        await publisher.PublishAsync(store.Messages, message, context, cancellationToken);
        if (message.State == SmsState.Created)
        {
            await SendAsync(message.Id, context, cancellationToken);
        }
    }

    private async Task<SmsMessage> CreateOnceAsync(ReferralStatusChanged change, FamilyContactDocument contact,
        Guid messageId, CancellationToken cancellationToken)
    {
        var id = SmsMessage.IdFor(change.ReferralId, change.Sequence);
        if (await store.Messages.FindAsync(id, cancellationToken) is { } existing)
        {
            return existing;
        }

        var sms = SmsText.For(change, contact.Language)!;
        var message = SmsMessage.Create(change.ReferralId, change.Sequence, change.To, sms.Language, contact.Phone!,
            sms.Text, sms.Size, time.GetUtcNow());
        message.RememberProcessed(messageId);
        if (await store.Messages.TryInsertAsync(message, cancellationToken))
        {
            LogCreated(logger, message.Id, sms.Size.Segments);
            return message;
        }

        // Another delivery of the same change stored it first: carry on with theirs.
        return await store.Messages.FindAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"SMS {id} was neither inserted nor found.");
    }

    private async Task SendAsync(string id, ConsumeContext context, CancellationToken cancellationToken)
    {
        var claimed = false;
        var message = await store.Messages.UpdateAsync(id, m => claimed = m.MoveTo(SmsState.Sent, time.GetUtcNow(), null),
            cancellationToken: cancellationToken);
        if (!claimed || message is null)
        {
            return;
        }

        await publisher.PublishAsync(store.Messages, message, context, cancellationToken);

        SmsSendResult result;
        try
        {
            result = await sender.SendAsync(
                new SmsRequest(message.SmsId, message.To, message.Text, message.Encoding, message.Segments), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The port promises results, not exceptions; an adapter bug still must not strand the SMS in Sent.
            result = SmsSendResult.Retryable(e.GetType().Name);
        }

        var next = result.Outcome switch
        {
            SmsSendOutcome.Accepted => SmsState.Accepted,
            SmsSendOutcome.PermanentFailure => SmsState.Failed,
            _ => SmsState.Created,
        };
        message = await store.Messages.UpdateAsync(id, m =>
        {
            if (!m.MoveTo(next, time.GetUtcNow(), result.Detail))
            {
                return false;
            }

            m.GatewayReference = result.GatewayReference ?? m.GatewayReference;
            return true;
        }, cancellationToken: CancellationToken.None);
        await publisher.PublishAsync(store.Messages, message, context, cancellationToken);

        LogSent(logger, id, next);
        if (next == SmsState.Created)
        {
            throw new SmsSendDeferredException(id, result.Detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} change {Sequence}: no SMS consent, nothing sent")]
    private static partial void LogNoConsent(ILogger logger, Guid referralId, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {SmsMessageId} created ({Segments} part(s))")]
    private static partial void LogCreated(ILogger logger, string smsMessageId, int segments);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {SmsMessageId} handed to the gateway: {State}")]
    private static partial void LogSent(ILogger logger, string smsMessageId, SmsState state);
}

public sealed class ReferralStatusChangedConsumerDefinition : ConsumerDefinition<ReferralStatusChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralStatusChangedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(Retries.Standard);
}
