using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>
/// Free places appeared: the longest-waiting referrals this service fits (up to the places not already on offer)
/// are offered to it. A message naming a provider the service is not of changes nothing.
/// </summary>
public sealed class CapacityChangedConsumer(
    IDirectoryStore store,
    PlacementPlanner planner,
    RequestPublishing publishing,
    TimeProvider time,
    ILogger<CapacityChangedConsumer> logger) : IConsumer<CapacityChanged>
{
    public async Task Consume(ConsumeContext<CapacityChanged> context)
    {
        var message = context.Message;
        if (message.Available <= 0)
        {
            return;
        }

        var service = await store.Services.FindAsync(message.ServiceId, context.CancellationToken);
        if (service is not { Active: true })
        {
            return;
        }

        if (!string.Equals(service.ProviderId, message.ProviderId, StringComparison.Ordinal))
        {
            DirectoryLog.ForeignServiceOfProvider(logger, nameof(CapacityChanged), message.ServiceId, message.ProviderId);
            return;
        }

        var places = service.Available - service.PendingOffers.Count;
        if (places <= 0)
        {
            return;
        }

        var messageId = context.DeduplicationId();
        var promoted = new List<(PlacementRequestDocument Request, Matching.Candidate Candidate)>();
        foreach (var request in await store.WaitlistedAsync(service.ServiceType, context.CancellationToken))
        {
            if (promoted.Count >= places)
            {
                break;
            }

            // An offer that lapsed for want of a place does not bar the service once it has places again.
            if (request.DeclinedBy.Any(d => d.ServiceId == service.Id && d.Reason != nameof(DeclineReason.NoCapacity)))
            {
                continue;
            }

            var candidate = planner.Match(request, [service]).SingleOrDefault();
            if (candidate is { HasFreePlace: true })
            {
                promoted.Add((request, candidate));
            }
        }

        if (promoted.Count == 0)
        {
            return;
        }

        DirectoryLog.Promoting(logger, service.Id, service.Available, promoted.Count);
        var now = time.GetUtcNow();
        foreach (var (request, candidate) in promoted)
        {
            var saved = await store.Requests.UpdateAsync(request.Id, r =>
            {
                if (r.Status != PlacementStatus.Waitlisted)
                {
                    return false;
                }

                r.OfferTo(candidate, now);
                return true;
            }, messageId, context.CancellationToken);
            await publishing.PublishAsync(saved, context, context.CancellationToken);
        }
    }
}

public sealed class CapacityChangedConsumerDefinition : ConsumerDefinition<CapacityChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CapacityChangedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
