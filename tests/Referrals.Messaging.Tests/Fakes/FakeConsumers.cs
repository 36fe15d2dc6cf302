using MassTransit;
using Referrals.Contracts.Intake;

#pragma warning disable CA1050 // Namespaces mimic two services on purpose.
namespace Referrals.Notification.Fake
{
    public sealed class ReferralSubmittedConsumer : IConsumer<ReferralSubmitted>
    {
        public Task Consume(ConsumeContext<ReferralSubmitted> context) => Task.CompletedTask;
    }
}

namespace Referrals.Eligibility.Fake
{
    public sealed class ReferralSubmittedConsumer : IConsumer<ReferralSubmitted>
    {
        public Task Consume(ConsumeContext<ReferralSubmitted> context) => Task.CompletedTask;
    }
}
