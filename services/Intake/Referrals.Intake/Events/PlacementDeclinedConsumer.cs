using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Bus;

namespace Referrals.Intake.Events;

/// <summary>A decline of the current offer sends the referral back to Matching; a stale one is only recorded.</summary>
public sealed class PlacementDeclinedConsumer(ReferralMessages referrals) : IConsumer<PlacementDeclined>
{
    public Task Consume(ConsumeContext<PlacementDeclined> context) =>
        referrals.ApplyAsync(
            context,
            context.Message.ReferralId,
            (referral, now) => ReferralStateMachine.Apply(referral, context.Message, now),
            referral => MessageFit.Check(referral, context.Message),
            context.Message.Actor);
}

public sealed class PlacementDeclinedConsumerDefinition : ConsumerDefinition<PlacementDeclinedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PlacementDeclinedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
