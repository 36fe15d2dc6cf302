using MassTransit;
using Referrals.Messaging.Bus;

namespace Referrals.Eligibility.Assessments;

/// <summary>Endpoint <c>eligibility-referral-submitted</c> with the standard retry schedule.</summary>
public sealed class ReferralSubmittedConsumerDefinition : ConsumerDefinition<ReferralSubmittedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReferralSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseStandardRetries();
    }
}
