using MassTransit;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
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
            MunicipalityCode = submitted.MunicipalityCode,
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
            return;
        }

        // Already there. A contact stored before the municipality was recorded gets it now; one that has a
        // municipality keeps it, so a repeated or forged event cannot move a referral to another tenant.
        await store.Contacts.UpdateAsync(contact.Id, existing =>
        {
            if (existing.MunicipalityCode is not null)
            {
                if (existing.MunicipalityCode != submitted.MunicipalityCode)
                {
                    LogMunicipalityMismatch(logger, submitted.ReferralId);
                }

                return false;
            }

            existing.MunicipalityCode = submitted.MunicipalityCode;
            return true;
        }, context.DeduplicationId(), context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ReferralSubmitted for referral {ReferralId} names another municipality than the stored contact; ignored")]
    private static partial void LogMunicipalityMismatch(ILogger logger, Guid referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the family contact of referral {ReferralId} (SMS consent: {SmsConsent})")]
    private static partial void LogStored(ILogger logger, Guid referralId, bool smsConsent);
}

public sealed class ReferralSubmittedConsumerDefinition : ConsumerDefinition<ReferralSubmittedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
