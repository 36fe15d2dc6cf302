using MassTransit;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Bus;

namespace Referrals.Intake.Events;

/// <summary>A newer waitlisting makes the referral Waitlisted with its queue position.</summary>
public sealed class ReferralWaitlistedConsumer(ReferralMessages referrals) : IConsumer<ReferralWaitlisted>
{
    public Task Consume(ConsumeContext<ReferralWaitlisted> context) =>
        referrals.ApplyAsync(
            context,
            context.Message.ReferralId,
            (referral, now) => ReferralStateMachine.Apply(referral, context.Message, now),
            referral => MessageFit.Check(referral, context.Message));
}

public sealed class ReferralWaitlistedConsumerDefinition : ConsumerDefinition<ReferralWaitlistedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralWaitlistedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
