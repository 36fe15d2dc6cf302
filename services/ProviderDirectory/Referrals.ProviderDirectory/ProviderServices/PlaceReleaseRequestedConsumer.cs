using MassTransit;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Internal;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.ProviderServices;

/// <summary>A referral left: its pending offer is cancelled, or its place returned (raising <c>CapacityChanged</c>).</summary>
public sealed class PlaceReleaseRequestedConsumer(IDirectoryStore store, ServicePublishing publishing, TimeProvider time)
    : IConsumer<PlaceReleaseRequested>
{
    public async Task Consume(ConsumeContext<PlaceReleaseRequested> context)
    {
        var message = context.Message;
        var now = time.GetUtcNow();
        var saved = await store.Services.UpdateAsync(message.ServiceId, s => s.Release(message.ReferralId, message.Actor, now),
            context.DeduplicationId(), context.CancellationToken);
        await publishing.PublishAsync(saved, context, context.CancellationToken);
    }
}

public sealed class PlaceReleaseRequestedConsumerDefinition : ConsumerDefinition<PlaceReleaseRequestedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PlaceReleaseRequestedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
