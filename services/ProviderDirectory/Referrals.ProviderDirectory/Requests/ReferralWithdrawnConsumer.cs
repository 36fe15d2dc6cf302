using MassTransit;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>
/// The referral is withdrawn; a pending offer is dropped and a held place returned. A withdrawal that overtakes the
/// submission leaves a tombstone, so the late <c>ReferralSubmitted</c> cannot start matching.
/// </summary>
public sealed class ReferralWithdrawnConsumer(IDirectoryStore store, RequestPublishing publishing, TimeProvider time)
    : IConsumer<ReferralWithdrawn>
{
    public async Task Consume(ConsumeContext<ReferralWithdrawn> context)
    {
        var message = context.Message;
        var messageId = context.DeduplicationId();
        var id = PlacementRequestDocument.IdOf(message.ReferralId);
        var now = time.GetUtcNow();
        if (await store.Requests.FindAsync(id, context.CancellationToken) is null)
        {
            var tombstone = new PlacementRequestDocument
            {
                Id = id,
                ReferralId = message.ReferralId,
                Status = PlacementStatus.Withdrawn,
                CreatedAt = now,
                UpdatedAt = now,
            };
            tombstone.RememberProcessed(messageId);
            if (await store.Requests.TryInsertAsync(tombstone, context.CancellationToken))
            {
                return;
            }
        }

        var saved = await store.Requests.UpdateAsync(id, r =>
        {
            if (r.Status is PlacementStatus.Withdrawn or PlacementStatus.Closed)
            {
                return false;
            }

            r.Leave(PlacementStatus.Withdrawn, message.Actor, now);
            return true;
        }, messageId, context.CancellationToken);

        await publishing.PublishAsync(saved, context, context.CancellationToken);
    }
}

public sealed class ReferralWithdrawnConsumerDefinition : ConsumerDefinition<ReferralWithdrawnConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralWithdrawnConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
