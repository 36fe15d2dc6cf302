using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Bus;
using Referrals.ProviderDirectory.Requests;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>Adds a new offer to the offers read model (id = offer id, so a redelivery adds nothing).</summary>
public sealed class OfferOpenedConsumer(IDirectoryStore store) : IConsumer<PlacementOffered>
{
    public async Task Consume(ConsumeContext<PlacementOffered> context)
    {
        var message = context.Message;
        if (await store.Offers.FindAsync(OfferDocument.IdOf(message.OfferId), context.CancellationToken) is not null)
        {
            return;
        }

        var service = await store.Services.FindAsync(message.ServiceId, context.CancellationToken);
        var request = await store.Requests.FindAsync(PlacementRequestDocument.IdOf(message.ReferralId), context.CancellationToken);
        await store.Offers.TryInsertAsync(
            new OfferDocument
            {
                Id = OfferDocument.IdOf(message.OfferId),
                OfferId = message.OfferId,
                ReferralId = message.ReferralId,
                ProviderId = message.ProviderId,
                ProviderName = message.ProviderName,
                ServiceId = message.ServiceId,
                ServiceType = service?.ServiceType ?? "",
                Municipality = request?.Municipality ?? "",
                Attempt = message.Attempt,
                Status = OfferStatus.Pending,
                OfferedAt = message.OccurredAt,
            },
            context.CancellationToken);
    }
}

public sealed class OfferOpenedConsumerDefinition : ConsumerDefinition<OfferOpenedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OfferOpenedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
