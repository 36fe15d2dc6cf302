using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>A declined offer shows as Declined, or Lapsed when the last place went elsewhere.</summary>
public sealed class OfferDeclinedConsumer(IDirectoryStore store) : IConsumer<PlacementDeclined>
{
    public async Task Consume(ConsumeContext<PlacementDeclined> context)
    {
        var message = context.Message;

        // Missing means PlacementOffered has not been projected yet: throw so the retry comes back after it.
        _ = await store.Offers.UpdateAsync(OfferDocument.IdOf(message.OfferId), o => o.Declined(message), context.DeduplicationId(), context.CancellationToken)
            ?? throw new InvalidOperationException($"Offer {message.OfferId} is not in the read model yet.");
    }
}

public sealed class OfferDeclinedConsumerDefinition : ConsumerDefinition<OfferDeclinedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OfferDeclinedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(Retries.Standard);
}
