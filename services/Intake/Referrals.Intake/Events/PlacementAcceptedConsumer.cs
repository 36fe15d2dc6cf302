using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Bus;

namespace Referrals.Intake.Events;

/// <summary>The provider took the client: the referral is Placed (unless it is already final).</summary>
public sealed class PlacementAcceptedConsumer(ReferralMessages referrals) : IConsumer<PlacementAccepted>
{
    public Task Consume(ConsumeContext<PlacementAccepted> context) =>
        referrals.ApplyAsync(
            context,
            context.Message.ReferralId,
            (referral, now) => ReferralStateMachine.Apply(referral, context.Message, now),
            referral => MessageFit.Check(referral, context.Message),
            context.Message.Actor);
}

public sealed class PlacementAcceptedConsumerDefinition : ConsumerDefinition<PlacementAcceptedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PlacementAcceptedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
