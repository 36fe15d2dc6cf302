using MassTransit;
using Referrals.Contracts.Eligibility;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>
/// An eligible referral is matched and offered to its best candidate with a free place, or waitlisted.
/// A verdict that overtakes the referral's criteria throws, so the retry policy waits for <c>ReferralSubmitted</c>.
/// </summary>
public sealed class EligibilityAssessedConsumer(
    IDirectoryStore store,
    PlacementPlanner planner,
    RequestPublishing publishing,
    TimeProvider time,
    ILogger<EligibilityAssessedConsumer> logger) : IConsumer<EligibilityAssessed>
{
    public async Task Consume(ConsumeContext<EligibilityAssessed> context)
    {
        var message = context.Message;
        var messageId = context.DeduplicationId();
        var id = PlacementRequestDocument.IdOf(message.ReferralId);
        var request = await store.Requests.FindAsync(id, context.CancellationToken);
        if (request is null)
        {
            DirectoryLog.CriteriaMissing(logger, message.ReferralId);
            throw new PlacementRequestMissingException(message.ReferralId);
        }

        PlacementPlan? plan = null;
        if (message.Outcome == EligibilityOutcome.Eligible && AwaitsVerdict(request) && !request.HasProcessed(messageId))
        {
            plan = await planner.PlanAsync(request, context.CancellationToken);
        }

        var now = time.GetUtcNow();
        var saved = await store.Requests.UpdateAsync(id, r =>
        {
            if (!AwaitsVerdict(r))
            {
                return false;
            }

            switch (message.Outcome)
            {
                case EligibilityOutcome.Eligible when plan is not null:
                    r.Apply(plan, now);
                    return true;
                case EligibilityOutcome.NotEligible:
                    r.Status = PlacementStatus.NotEligible;
                    r.UpdatedAt = now;
                    return true;
                default:
                    // NeedsInformation: the referral waits for a new assessment.
                    return false;
            }
        }, messageId, context.CancellationToken);

        await publishing.PublishAsync(saved, context, context.CancellationToken);
    }

    private static bool AwaitsVerdict(PlacementRequestDocument request) =>
        request.Status is PlacementStatus.AwaitingEligibility or PlacementStatus.NotEligible;
}

public sealed class EligibilityAssessedConsumerDefinition : ConsumerDefinition<EligibilityAssessedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EligibilityAssessedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
