using MassTransit;
using Microsoft.Extensions.Options;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;
using Referrals.Notification.QuietHours;
using Referrals.Notification.Store;
using Referrals.Notification.Templates;
using Referrals.Reference;

namespace Referrals.Notification.Sending;

/// <summary>
/// One SMS per family-relevant status change. The message is stored (Created, with its text) under the id
/// "{referralId}:{sequence}" before anything is sent; <see cref="SmsDispatcher"/> hands it over at most once.
/// At night a non-crisis SMS is stored held until quiet hours end; <see cref="PendingSmsResender"/> sends it then,
/// and also whatever the gateway could not take.
/// </summary>
public sealed partial class ReferralStatusChangedConsumer(
    INotificationStore store,
    SmsDispatcher dispatcher,
    QuietHoursPolicy quietHours,
    OutboxPublisher publisher,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<ReferralStatusChangedConsumer> logger) : IConsumer<ReferralStatusChanged>
{
    public async Task Consume(ConsumeContext<ReferralStatusChanged> context)
    {
        var change = context.Message;
        var cancellationToken = context.CancellationToken;
        var contact = await store.Contacts.FindAsync(FamilyContactDocument.IdFor(change.ReferralId), cancellationToken);
        if (contact is not null)
        {
            contact = await TrackAsync(contact.Id, change, cancellationToken) ?? contact;
        }

        if (!SmsText.IsFamilyRelevant(change.To))
        {
            return;
        }

        if (contact is null)
        {
            throw new ContactNotYetKnownException(change.ReferralId);
        }

        if (!contact.SmsConsent || string.IsNullOrEmpty(contact.Phone))
        {
            LogNoConsent(logger, change.ReferralId, change.Sequence);
            return;
        }

        var message = await CreateOnceAsync(change, contact, context.DeduplicationId(), cancellationToken);
        await publisher.PublishAsync(store.Messages, message, context, cancellationToken);
        if (message.State == SmsState.Created)
        {
            // A temporary gateway failure leaves it Created with a back-off: the re-sender takes it from there, so a
            // long outage does not exhaust this consumer's retries and park the event in the error queue.
            await dispatcher.SendAsync(message.Id, context, cancellationToken);
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

        var now = time.GetUtcNow();
        var sms = SmsText.For(change, contact.Language, StatusLinks.Link(options.Value.StatusLinkBaseUrl, contact.StatusToken))!;
        var message = SmsMessage.Create(change.ReferralId, change.Sequence, change.To, sms.Language, contact.Phone!,
            sms.Text, sms.Size, now);
        // Crisis services cannot wait for the morning.
        if (!ServiceTypes.IsCrisis(change.ServiceType) && quietHours.HoldUntil(now) is { } until)
        {
            message.HeldUntil = until;
            message.DueAt = until;
        }

        message.RememberProcessed(messageId);
        if (await store.Messages.TryInsertAsync(message, cancellationToken))
        {
            LogCreated(logger, message.Id, sms.Size.Segments, message.HeldUntil);
            return message;
        }

        // Another delivery of the same change stored it first: carry on with theirs.
        return await store.Messages.FindAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"SMS {id} was neither inserted nor found.");
    }

    /// <summary>
    /// The newest change wins: the status page shows it, and an SMS held overnight for an older family-relevant change
    /// can see it is out of date. Comparing sequences makes a redelivered or late change harmless.
    /// </summary>
    private Task<FamilyContactDocument?> TrackAsync(string contactId, ReferralStatusChanged change, CancellationToken cancellationToken) =>
        store.Contacts.UpdateAsync(contactId, c =>
        {
            var changed = false;
            if (change.Sequence > c.LatestSequence)
            {
                c.LatestSequence = change.Sequence;
                c.Status = change.To;
                c.ProviderName = change.Provider?.Name;
                c.ProviderPhone = change.Provider?.Phone;
                changed = true;
            }

            if (SmsText.IsFamilyRelevant(change.To) && change.Sequence > c.LatestRelevantSequence)
            {
                c.LatestRelevantSequence = change.Sequence;
                changed = true;
            }

            return changed;
        }, cancellationToken: cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} change {Sequence}: no SMS consent, nothing sent")]
    private static partial void LogNoConsent(ILogger logger, Guid referralId, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {SmsMessageId} created ({Segments} part(s)), held until {HeldUntil}")]
    private static partial void LogCreated(ILogger logger, string smsMessageId, int segments, DateTimeOffset? heldUntil);
}

public sealed class ReferralStatusChangedConsumerDefinition : ConsumerDefinition<ReferralStatusChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralStatusChangedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
