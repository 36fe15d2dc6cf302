using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Internal;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>
/// The current offer was accepted: the referral is placed. A place taken by an offer that is no longer current
/// (the referral left or moved on while the provider clicked) is handed straight back.
/// </summary>
public sealed class PlacementAcceptedConsumer(IDirectoryStore store, RequestPublishing publishing, TimeProvider time)
    : IConsumer<PlacementAccepted>
{
    public async Task Consume(ConsumeContext<PlacementAccepted> context)
    {
        var message = context.Message;
        var now = time.GetUtcNow();
        var saved = await store.Requests.UpdateAsync(PlacementRequestDocument.IdOf(message.ReferralId), r =>
        {
            if (r.Place?.OfferId == message.OfferId)
            {
                return false;
            }

            if (r.Status == PlacementStatus.Offered && r.CurrentOffer?.OfferId == message.OfferId)
            {
                r.Status = PlacementStatus.Placed;
                r.Place = new HeldPlace(message.OfferId, message.ProviderId, message.ServiceId, message.OccurredAt);
                r.CurrentOffer = null;
                r.UpdatedAt = now;
                return true;
            }

            var eventId = Guid.NewGuid();
            r.Raise(new PlaceReleaseRequested(eventId, r.ReferralId, now, "system", message.ServiceId), eventId, now);
            return true;
        }, context.DeduplicationId(), context.CancellationToken)
            ?? throw new PlacementRequestMissingException(message.ReferralId);

        await publishing.PublishAsync(saved, context, context.CancellationToken);
    }
}

public sealed class PlacementAcceptedConsumerDefinition : ConsumerDefinition<PlacementAcceptedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PlacementAcceptedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(Retries.Standard);
}
