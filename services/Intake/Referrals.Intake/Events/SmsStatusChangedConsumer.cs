using MassTransit;
using Referrals.Contracts.Notification;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Bus;

namespace Referrals.Intake.Events;

/// <summary>An SMS about the referral changed state: a timeline line such as "SMS #3 Delivered", no status change.</summary>
public sealed class SmsStatusChangedConsumer(ReferralMessages referrals) : IConsumer<SmsStatusChanged>
{
    public Task Consume(ConsumeContext<SmsStatusChanged> context) =>
        referrals.ApplyAsync(context, context.Message.ReferralId, (referral, now) => ReferralStateMachine.Apply(referral, context.Message, now));
}

public sealed class SmsStatusChangedConsumerDefinition : ConsumerDefinition<SmsStatusChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SmsStatusChangedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
