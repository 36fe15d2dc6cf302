using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>
/// A declined (or lapsed) current offer moves the referral on: next candidate with a free place, or the waiting list.
/// A decline naming a provider the current offer was not made to is ignored.
/// </summary>
public sealed class PlacementDeclinedConsumer(
    IDirectoryStore store,
    PlacementPlanner planner,
    RequestPublishing publishing,
    TimeProvider time,
    ILogger<PlacementDeclinedConsumer> logger) : IConsumer<PlacementDeclined>
{
    public async Task Consume(ConsumeContext<PlacementDeclined> context)
    {
        var message = context.Message;
        var messageId = context.DeduplicationId();
        var id = PlacementRequestDocument.IdOf(message.ReferralId);
        var request = await store.Requests.FindAsync(id, context.CancellationToken);
        if (request is null)
        {
            return;
        }

        if (request.CurrentOffer is { } current && current.OfferId == message.OfferId
            && !string.Equals(current.ProviderId, message.ProviderId, StringComparison.Ordinal))
        {
            DirectoryLog.ForeignProvider(logger, nameof(PlacementDeclined), message.ReferralId, message.ProviderId);
            return;
        }

        var now = time.GetUtcNow();
        PlacementPlan? plan = null;
        if (IsCurrent(request, message) && !request.HasProcessed(messageId))
        {
            request.DeclinedBy.Add(DeclineOf(request, message, now));
            plan = await planner.PlanAsync(request, context.CancellationToken);
        }

        var saved = await store.Requests.UpdateAsync(id, r =>
        {
            if (plan is null || !IsCurrent(r, message))
            {
                return false;
            }

            r.DeclinedBy.Add(DeclineOf(r, message, now));
            r.Apply(plan, now);
            return true;
        }, messageId, context.CancellationToken);

        await publishing.PublishAsync(saved, context, context.CancellationToken);
    }

    private static bool IsCurrent(PlacementRequestDocument request, PlacementDeclined message) =>
        request.Status == PlacementStatus.Offered
        && request.CurrentOffer is { } offer
        && offer.OfferId == message.OfferId
        && offer.Attempt == message.Attempt
        && string.Equals(offer.ProviderId, message.ProviderId, StringComparison.Ordinal);

    private static Declined DeclineOf(PlacementRequestDocument request, PlacementDeclined message, DateTimeOffset now) =>
        new(message.ProviderId, request.CurrentOffer!.ServiceId, message.OfferId, message.Reason.ToString(), now);
}

public sealed class PlacementDeclinedConsumerDefinition : ConsumerDefinition<PlacementDeclinedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PlacementDeclinedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
