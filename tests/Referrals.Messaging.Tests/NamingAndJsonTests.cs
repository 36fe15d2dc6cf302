using MassTransit;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Outbox;

using Referrals.Testing;
using Xunit;

namespace Referrals.Messaging.Tests;

public sealed class NamingAndJsonTests
{
    [Fact]
    public void Each_service_gets_its_own_queue_for_the_same_event()
    {
        var formatter = new ServiceEndpointNameFormatter();

        Assert.Equal("notification-referral-submitted", formatter.Consumer<Referrals.Notification.Fake.ReferralSubmittedConsumer>());
        Assert.Equal("eligibility-referral-submitted", formatter.Consumer<Referrals.Eligibility.Fake.ReferralSubmittedConsumer>());
    }

    [Fact]
    public void Contracts_survive_the_outbox_json_round_trip()
    {
        var message = new ReferralSubmitted(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow, "sw-1", "R-ABC234",
            "LV-DGV", "LV-DGV", "day-care-centre", "elderly", new DateOnly(1950, 1, 31), "female",
            ["application", "id-document"], null, new FamilyContact("+37120000001", "lv"));

        var envelope = MessageJson.Wrap(message, message.EventId, DateTimeOffset.UtcNow);
        var (back, type) = MessageJson.Unwrap(envelope);

        Assert.Equal(typeof(ReferralSubmitted), type);
        var copy = Assert.IsType<ReferralSubmitted>(back);
        Assert.Equal(message with { Documents = copy.Documents }, copy);
        Assert.Equal(message.Documents, copy.Documents);
    }
}
