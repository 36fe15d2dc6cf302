using MassTransit;
using Referrals.ProviderDirectory.Internal;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>An offer dropped because its referral left shows as Cancelled (only when the message names the offer's own referral and service).</summary>
public sealed class OfferCancelledConsumer(IDirectoryStore store, ILogger<OfferCancelledConsumer> logger) : IConsumer<OfferCancelled>
{
    public async Task Consume(ConsumeContext<OfferCancelled> context)
    {
        var message = context.Message;

        // Missing means PlacementOffered has not been projected yet: throw so the retry comes back after it.
        var foreign = false;
        _ = await store.Offers.UpdateAsync(OfferDocument.IdOf(message.OfferId), o =>
            {
                foreign = o.ReferralId != message.ReferralId || !string.Equals(o.ServiceId, message.ServiceId, StringComparison.Ordinal);
                return !foreign && o.Decide(OfferStatus.Cancelled, message.OccurredAt);
            }, context.DeduplicationId(), context.CancellationToken)
            ?? throw new InvalidOperationException($"Offer {message.OfferId} is not in the read model yet.");
        if (foreign)
        {
            DirectoryLog.ForeignService(logger, nameof(OfferCancelled), message.ReferralId, message.OfferId, message.ServiceId);
        }
    }
}

public sealed class OfferCancelledConsumerDefinition : ConsumerDefinition<OfferCancelledConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OfferCancelledConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
