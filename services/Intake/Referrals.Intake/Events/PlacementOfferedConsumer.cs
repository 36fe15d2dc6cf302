using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Bus;

namespace Referrals.Intake.Events;

/// <summary>A newer offer makes the referral Offered; an older one is only recorded.</summary>
public sealed class PlacementOfferedConsumer(ReferralMessages referrals) : IConsumer<PlacementOffered>
{
    public Task Consume(ConsumeContext<PlacementOffered> context) =>
        referrals.ApplyAsync(
            context,
            context.Message.ReferralId,
            (referral, now) => ReferralStateMachine.Apply(referral, context.Message, now),
            referral => MessageFit.Check(referral, context.Message));
}

public sealed class PlacementOfferedConsumerDefinition : ConsumerDefinition<PlacementOfferedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PlacementOfferedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
