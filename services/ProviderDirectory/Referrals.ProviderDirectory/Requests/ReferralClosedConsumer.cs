using MassTransit;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>A placed referral ended: its place goes back to the service (and from there to the waiting list).</summary>
public sealed class ReferralClosedConsumer(IDirectoryStore store, RequestPublishing publishing, TimeProvider time)
    : IConsumer<ReferralClosed>
{
    public async Task Consume(ConsumeContext<ReferralClosed> context)
    {
        var message = context.Message;
        var now = time.GetUtcNow();
        var saved = await store.Requests.UpdateAsync(PlacementRequestDocument.IdOf(message.ReferralId), r =>
        {
            if (r.Status is PlacementStatus.Withdrawn or PlacementStatus.Closed)
            {
                return false;
            }

            r.Leave(PlacementStatus.Closed, message.Actor, now);
            return true;
        }, context.DeduplicationId(), context.CancellationToken)
            ?? throw new PlacementRequestMissingException(message.ReferralId);

        await publishing.PublishAsync(saved, context, context.CancellationToken);
    }
}

public sealed class ReferralClosedConsumerDefinition : ConsumerDefinition<ReferralClosedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralClosedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
