using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>
/// A declined offer shows as Declined, or Lapsed when the last place went elsewhere; a decline naming a provider the
/// offer was not made to changes nothing.
/// </summary>
public sealed class OfferDeclinedConsumer(IDirectoryStore store, ILogger<OfferDeclinedConsumer> logger) : IConsumer<PlacementDeclined>
{
    public async Task Consume(ConsumeContext<PlacementDeclined> context)
    {
        var message = context.Message;

        // Missing means PlacementOffered has not been projected yet: throw so the retry comes back after it.
        var foreign = false;
        _ = await store.Offers.UpdateAsync(OfferDocument.IdOf(message.OfferId), o =>
            {
                foreign = !o.IsOf(message.ReferralId, message.ProviderId);
                return !foreign && o.Declined(message);
            }, context.DeduplicationId(), context.CancellationToken)
            ?? throw new InvalidOperationException($"Offer {message.OfferId} is not in the read model yet.");
        if (foreign)
        {
            DirectoryLog.ForeignProvider(logger, nameof(PlacementDeclined), message.ReferralId, message.ProviderId);
        }
    }
}

public sealed class OfferDeclinedConsumerDefinition : ConsumerDefinition<OfferDeclinedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OfferDeclinedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
