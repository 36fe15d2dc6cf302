using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>An accepted offer shows as Accepted in the offers read model.</summary>
public sealed class OfferAcceptedConsumer(IDirectoryStore store) : IConsumer<PlacementAccepted>
{
    public async Task Consume(ConsumeContext<PlacementAccepted> context)
    {
        var message = context.Message;

        // Missing means PlacementOffered has not been projected yet: throw so the retry comes back after it.
        _ = await store.Offers.UpdateAsync(OfferDocument.IdOf(message.OfferId), o => o.Decide(OfferStatus.Accepted, message.OccurredAt), context.DeduplicationId(), context.CancellationToken)
            ?? throw new InvalidOperationException($"Offer {message.OfferId} is not in the read model yet.");
    }
}

public sealed class OfferAcceptedConsumerDefinition : ConsumerDefinition<OfferAcceptedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OfferAcceptedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(Retries.Standard);
}
