using MassTransit;
using Referrals.Messaging.Outbox;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.ProviderServices;

/// <summary>Publishes what a saved service document raised.</summary>
public sealed class ServicePublishing(IDirectoryStore store, OutboxPublisher publisher)
{
    public Task PublishAsync(ServiceDocument? service, IPublishEndpoint endpoint, CancellationToken cancellationToken) =>
        publisher.PublishAsync((IOutboxSource)store.Services, service, endpoint, cancellationToken);
}
