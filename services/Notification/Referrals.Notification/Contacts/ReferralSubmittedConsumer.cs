using MassTransit;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Bus;
using Referrals.Notification.Store;
using Referrals.Notification.Templates;

namespace Referrals.Notification.Contacts;

/// <summary>Keeps the family's SMS contact (or the absence of consent) for the referral's later status changes.</summary>
public sealed partial class ReferralSubmittedConsumer(
    INotificationStore store,
    TimeProvider time,
    ILogger<ReferralSubmittedConsumer> logger) : IConsumer<ReferralSubmitted>
{
    public async Task Consume(ConsumeContext<ReferralSubmitted> context)
    {
        var submitted = context.Message;
        var contact = new FamilyContactDocument
        {
            Id = FamilyContactDocument.IdFor(submitted.ReferralId),
            ReferralId = submitted.ReferralId,
            SmsConsent = submitted.Contact is not null,
            Phone = submitted.Contact?.Phone,
            Language = SmsTemplates.LanguageOrDefault(submitted.Contact?.Language),
            ReceivedAt = time.GetUtcNow(),
            StatusToken = submitted.Contact is null ? null : StatusLinks.NewToken(),
            Status = ReferralStatus.Submitted,
        };
        contact.RememberProcessed(context.DeduplicationId());

        // The referral id is the document id: a redelivered or duplicated event cannot store a second contact.
        if (await store.Contacts.TryInsertAsync(contact, context.CancellationToken))
        {
            LogStored(logger, submitted.ReferralId, contact.SmsConsent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the family contact of referral {ReferralId} (SMS consent: {SmsConsent})")]
    private static partial void LogStored(ILogger logger, Guid referralId, bool smsConsent);
}

public sealed class ReferralSubmittedConsumerDefinition : ConsumerDefinition<ReferralSubmittedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(Retries.Standard);
}
