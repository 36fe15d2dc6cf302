using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Outbox;
using Referrals.ProviderDirectory.ProviderServices;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Matching;

public sealed class OfferDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static ServiceDocument ServiceWith(int available, params Guid[] offers) => new()
    {
        Id = "svc",
        ProviderId = "org",
        ProviderName = "Daugavpils dienas aprūpes centrs",
        ProviderPhone = "+37165400000",
        ServiceType = "day-care-centre",
        Maximum = 10,
        Available = available,
        PendingOffers = [.. offers.Select(o => new PendingOffer(o, Guid.NewGuid(), 1, Now))],
    };

    private static List<object> Events(ServiceDocument service) => [.. service.Outbox.Select(e => MessageJson.Unwrap(e).Message)];

    [Fact]
    public void Accept_takes_a_place_and_announces_it()
    {
        var offer = Guid.NewGuid();
        var service = ServiceWith(1, offer);

        Assert.Equal(DecisionResult.Accepted, service.Accept(offer, "provider-1", Now));

        Assert.Equal(0, service.Available);
        Assert.Empty(service.PendingOffers);
        Assert.Single(service.Placements);
        var accepted = Assert.Single(Events(service).OfType<PlacementAccepted>());
        Assert.Equal("+37165400000", accepted.ProviderPhone);
        Assert.Equal(0, Assert.Single(Events(service).OfType<CapacityChanged>()).Available);
    }

    [Fact]
    public void Accept_without_a_free_place_lapses_the_offer()
    {
        var offer = Guid.NewGuid();
        var service = ServiceWith(0, offer);

        Assert.Equal(DecisionResult.NoCapacity, service.Accept(offer, "provider-1", Now));

        Assert.Empty(service.PendingOffers);
        var declined = Assert.Single(Events(service).OfType<PlacementDeclined>());
        Assert.Equal((DeclineReason.NoCapacity, "system", "no free place left"), (declined.Reason, declined.Actor, declined.ReasonText));
        Assert.Equal(0, service.Available);
    }

    [Fact]
    public void An_offer_that_is_not_pending_cannot_be_decided()
    {
        var service = ServiceWith(3);

        Assert.Equal(DecisionResult.NotPending, service.Accept(Guid.NewGuid(), null, Now));
        Assert.Equal(DecisionResult.NotPending, service.Decline(Guid.NewGuid(), DeclineReason.Other, "x", null, Now));
        Assert.Empty(service.Outbox);
    }

    [Fact]
    public void Release_returns_the_place_but_never_beyond_the_maximum()
    {
        var offer = Guid.NewGuid();
        var service = ServiceWith(1, offer);
        var referral = service.PendingOffers[0].ReferralId;
        service.Accept(offer, null, Now);

        Assert.True(service.Release(referral, "sw-1", Now));
        Assert.Equal(1, service.Available);
        Assert.False(service.Release(referral, "sw-1", Now));
    }
}
