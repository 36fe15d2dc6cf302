using MassTransit;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Internal;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.ProviderServices;

/// <summary>The chosen service records the offer as pending and announces <c>PlacementOffered</c>.</summary>
public sealed class OfferRequestedConsumer(IDirectoryStore store, ServicePublishing publishing, TimeProvider time)
    : IConsumer<OfferRequested>
{
    public async Task Consume(ConsumeContext<OfferRequested> context)
    {
        var message = context.Message;
        var now = time.GetUtcNow();
        var saved = await store.Services.UpdateAsync(message.ServiceId, s => s.AddOffer(message, now), context.DeduplicationId(),
                context.CancellationToken)
            ?? throw new InvalidOperationException($"Service {message.ServiceId} does not exist.");
        await publishing.PublishAsync(saved, context, context.CancellationToken);
    }
}

public sealed class OfferRequestedConsumerDefinition : ConsumerDefinition<OfferRequestedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OfferRequestedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
