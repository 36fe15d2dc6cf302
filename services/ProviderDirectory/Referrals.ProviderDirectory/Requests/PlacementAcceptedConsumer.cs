using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Internal;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>
/// The current offer was accepted: the referral is placed. A place taken by an offer that is no longer current
/// (the referral left or moved on while the provider clicked) is handed straight back. An acceptance naming a provider
/// (or service) the offer was not made to changes nothing: it is ignored and logged with the referral id.
/// </summary>
public sealed class PlacementAcceptedConsumer(
    IDirectoryStore store,
    RequestPublishing publishing,
    TimeProvider time,
    ILogger<PlacementAcceptedConsumer> logger) : IConsumer<PlacementAccepted>
{
    public async Task Consume(ConsumeContext<PlacementAccepted> context)
    {
        var message = context.Message;
        var now = time.GetUtcNow();

        // Only the service that took the place can hand it back: it must be the named provider's and hold this placement.
        var service = await store.Services.FindAsync(message.ServiceId, context.CancellationToken);
        var heldThere = service is not null
            && string.Equals(service.ProviderId, message.ProviderId, StringComparison.Ordinal)
            && service.Placements.Any(p => p.OfferId == message.OfferId && p.ReferralId == message.ReferralId);
        var foreign = false;
        var saved = await store.Requests.UpdateAsync(PlacementRequestDocument.IdOf(message.ReferralId), r =>
        {
            if (r.Place?.OfferId == message.OfferId)
            {
                return false;
            }

            if (r.Status == PlacementStatus.Offered && r.CurrentOffer is { } current && current.OfferId == message.OfferId)
            {
                foreign = !string.Equals(current.ProviderId, message.ProviderId, StringComparison.Ordinal)
                    || !string.Equals(current.ServiceId, message.ServiceId, StringComparison.Ordinal);
                if (foreign)
                {
                    return false;
                }

                r.Status = PlacementStatus.Placed;
                r.Place = new HeldPlace(message.OfferId, message.ProviderId, message.ServiceId, message.OccurredAt);
                r.CurrentOffer = null;
                r.UpdatedAt = now;
                return true;
            }

            foreign = !heldThere;
            if (foreign)
            {
                return false;
            }

            var eventId = Guid.NewGuid();
            r.Raise(new PlaceReleaseRequested(eventId, r.ReferralId, now, "system", message.ServiceId), eventId, now);
            return true;
        }, context.DeduplicationId(), context.CancellationToken)
            ?? throw new PlacementRequestMissingException(message.ReferralId);

        if (foreign)
        {
            DirectoryLog.ForeignProvider(logger, nameof(PlacementAccepted), message.ReferralId, message.ProviderId);
        }

        await publishing.PublishAsync(saved, context, context.CancellationToken);
    }
}

public sealed class PlacementAcceptedConsumerDefinition : ConsumerDefinition<PlacementAcceptedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PlacementAcceptedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
