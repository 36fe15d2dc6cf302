using MassTransit;
using Microsoft.Extensions.Logging;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Outbox;
using Referrals.ProviderDirectory.Internal;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>After a request is saved: log where it went and publish what it raised.</summary>
public sealed class RequestPublishing(IDirectoryStore store, OutboxPublisher publisher, ILogger<RequestPublishing> logger)
{
    public async Task PublishAsync(PlacementRequestDocument? request, IPublishEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return;
        }

        foreach (var envelope in request.Outbox)
        {
            var (message, _) = MessageJson.Unwrap(envelope);
            switch (message)
            {
                case OfferRequested offer:
                    DirectoryLog.Offered(logger, offer.ReferralId, offer.ServiceId, offer.Attempt);
                    break;
                case ReferralWaitlisted waitlisted:
                    DirectoryLog.Waitlisted(logger, waitlisted.ReferralId, waitlisted.ServiceType, waitlisted.Position);
                    break;
            }
        }

        await publisher.PublishAsync((IOutboxSource)store.Requests, request, endpoint, cancellationToken);
    }
}
