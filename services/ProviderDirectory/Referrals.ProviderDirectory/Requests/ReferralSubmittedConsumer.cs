using MassTransit;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Bus;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>Keeps the matching criteria of a new referral; the referral id is the document id, so a redelivery adds nothing.</summary>
public sealed class ReferralSubmittedConsumer(IDirectoryStore store, TimeProvider time) : IConsumer<ReferralSubmitted>
{
    public async Task Consume(ConsumeContext<ReferralSubmitted> context)
    {
        var message = context.Message;
        var now = time.GetUtcNow();
        var request = new PlacementRequestDocument
        {
            Id = PlacementRequestDocument.IdOf(message.ReferralId),
            ReferralId = message.ReferralId,
            ServiceType = message.ServiceType,
            ClientGroup = message.ClientGroup,
            DateOfBirth = message.DateOfBirth,
            Gender = message.Gender,
            Municipality = message.MunicipalityCode,
            DeclaredMunicipality = message.DeclaredMunicipalityCode,
            PreferredProviderId = message.PreferredProviderId,
            Status = PlacementStatus.AwaitingEligibility,
            CreatedAt = now,
            UpdatedAt = now,
        };
        request.RememberProcessed(context.DeduplicationId());

        // False means it exists already: a redelivery, or a withdrawal that overtook the submission and left a tombstone.
        await store.Requests.TryInsertAsync(request, context.CancellationToken);
    }
}

public sealed class ReferralSubmittedConsumerDefinition : ConsumerDefinition<ReferralSubmittedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
