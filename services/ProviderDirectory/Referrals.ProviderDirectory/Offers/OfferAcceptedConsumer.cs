using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>
/// An accepted offer shows as Accepted in the offers read model; an acceptance naming a provider the offer was not
/// made to changes nothing.
/// </summary>
public sealed class OfferAcceptedConsumer(IDirectoryStore store, ILogger<OfferAcceptedConsumer> logger) : IConsumer<PlacementAccepted>
{
    public async Task Consume(ConsumeContext<PlacementAccepted> context)
    {
        var message = context.Message;

        // Missing means PlacementOffered has not been projected yet: throw so the retry comes back after it.
        var foreign = false;
        _ = await store.Offers.UpdateAsync(OfferDocument.IdOf(message.OfferId), o =>
            {
                foreign = !o.IsOf(message.ReferralId, message.ProviderId, message.ServiceId);
                return !foreign && o.Decide(OfferStatus.Accepted, message.OccurredAt);
            }, context.DeduplicationId(), context.CancellationToken)
            ?? throw new InvalidOperationException($"Offer {message.OfferId} is not in the read model yet.");
        if (foreign)
        {
            DirectoryLog.ForeignProvider(logger, nameof(PlacementAccepted), message.ReferralId, message.ProviderId);
        }
    }
}

public sealed class OfferAcceptedConsumerDefinition : ConsumerDefinition<OfferAcceptedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OfferAcceptedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
