using MassTransit;
using Referrals.Contracts.Eligibility;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Bus;

namespace Referrals.Intake.Events;

/// <summary>The assessment decides Rejected, NeedsInformation or Matching (unless the referral has moved on).</summary>
public sealed class EligibilityAssessedConsumer(ReferralMessages referrals) : IConsumer<EligibilityAssessed>
{
    public Task Consume(ConsumeContext<EligibilityAssessed> context) =>
        referrals.ApplyAsync(context, context.Message.ReferralId, (referral, now) => ReferralStateMachine.Apply(referral, context.Message, now));
}

public sealed class EligibilityAssessedConsumerDefinition : ConsumerDefinition<EligibilityAssessedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EligibilityAssessedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseStandardRetries();
}
