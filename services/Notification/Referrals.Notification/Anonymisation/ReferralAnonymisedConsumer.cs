using MassTransit;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Store;

namespace Referrals.Notification.Anonymisation;

/// <summary>Intake erased the client's personal data after the retention period: Notification erases its copy too.</summary>
public sealed partial class ReferralAnonymisedConsumer(
    INotificationStore store,
    OutboxPublisher publisher,
    TimeProvider time,
    ILogger<ReferralAnonymisedConsumer> logger) : IConsumer<ReferralAnonymised>
{
    public async Task Consume(ConsumeContext<ReferralAnonymised> context)
    {
        var referralId = context.Message.ReferralId;
        var messages = await FamilyDataErasure.EraseAsync(store, referralId, context.DeduplicationId(), time.GetUtcNow(),
            context.CancellationToken);
        foreach (var message in messages)
        {
            await publisher.PublishAsync(store.Messages, message, context, context.CancellationToken);
        }

        LogErased(logger, referralId, messages.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the family contact of referral {ReferralId} and the number on its {Count} SMS")]
    private static partial void LogErased(ILogger logger, Guid referralId, int count);
}

public sealed class ReferralAnonymisedConsumerDefinition : ConsumerDefinition<ReferralAnonymisedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralAnonymisedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
