using MassTransit.Testing;
using Referrals.Messaging.Documents;
using Referrals.Contracts.ProviderDirectory;
using Referrals.ProviderDirectory.Internal;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.Requests;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Consumers;

/// <summary>
/// A message cannot change another tenant's data: an acceptance, decline or cancellation that names a provider or
/// service the offer was not made to is ignored, and the placement and the offers read model stay as they were.
/// </summary>
public sealed class TenantCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OrganisationInput Organisation(string id, string municipality, int available) => new(
        id, $"Organisation {id}", "+37165400000", null, municipality,
        [new ServiceInput($"svc-{id}", "day-care-centre", ["elderly"], 18, null, null, 20, available)]);

    /// <summary>A referral offered to <c>org-dgv</c>, with the offer projected into the read model.</summary>
    private static async Task<(ConsumerHarness Fixture, Guid Referral, CurrentOffer Offer)> OfferedAsync()
    {
        var fixture = await ConsumerHarness.StartAsync();
        await fixture.AddOrganisationAsync(Organisation("dgv", "LV-DGV", 2));
        await fixture.AddOrganisationAsync(Organisation("rez", "LV-REZ", 2));
        var referral = Guid.NewGuid();
        await fixture.PublishAsync(ConsumerHarness.Submitted(referral), Guid.NewGuid());
        await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.AwaitingEligibility, "the request");
        await fixture.PublishAsync(ConsumerHarness.Eligible(referral), Guid.NewGuid());
        var request = await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.Offered, "the offer");
        var offer = request.CurrentOffer!;
        var projected = await Eventually.GetAsync(
            () => fixture.Store.Offers.FindAsync(OfferDocument.IdOf(offer.OfferId), Ct), o => true, "the offer read model");
        Assert.Equal("svc-dgv", offer.ServiceId);
        Assert.Equal("LV-DGV", projected.Municipality);
        return (fixture, referral, offer);
    }

    /// <summary>Publishes a message that names the wrong tenant and waits until it has been consumed and could have acted.</summary>
    private static async Task PublishForgedAsync<T>(ConsumerHarness fixture, T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(message, messageId);
        Assert.True(await fixture.Harness.Consumed.Any<T>(m => m.Context.MessageId == messageId, Ct));
        await Task.Delay(500, Ct);
    }

    private static async Task AssertUnchangedAsync(ConsumerHarness fixture, Guid referral, CurrentOffer offer)
    {
        var request = await fixture.Store.Requests.FindAsync(PlacementRequestDocument.IdOf(referral), Ct);
        Assert.Equal(PlacementStatus.Offered, request!.Status);
        Assert.Equal(offer, request.CurrentOffer);
        Assert.Null(request.Place);
        Assert.Empty(request.DeclinedBy);
        Assert.Equal(OfferStatus.Pending, (await fixture.Store.Offers.FindAsync(OfferDocument.IdOf(offer.OfferId), Ct))!.Status);
        var service = await fixture.Store.Services.FindAsync("svc-dgv", Ct);
        Assert.Equal((2, 0), (service!.Available, service.Placements.Count));
        var other = await fixture.Store.Services.FindAsync("svc-rez", Ct);
        Assert.Equal((2, 0, 0), (other!.Available, other.Placements.Count, other.PendingOffers.Count));
        Assert.False(await fixture.Harness.Published.Any<PlaceReleaseRequested>(Ct));
        Assert.Single(fixture.Harness.Published.Select<OfferRequested>(Ct));
    }

    [Fact]
    public async Task An_acceptance_naming_another_provider_changes_nothing()
    {
        var (fixture, referral, offer) = await OfferedAsync();
        await using (fixture)
        {
            await PublishForgedAsync(fixture, new PlacementAccepted(Guid.NewGuid(), referral, DateTimeOffset.UtcNow, "ps-rez",
                offer.Attempt, offer.OfferId, "rez", "Organisation rez", null, "svc-rez"));
            await AssertUnchangedAsync(fixture, referral, offer);
        }
    }

    [Fact]
    public async Task A_stale_acceptance_naming_a_service_that_holds_no_such_place_releases_nothing()
    {
        var (fixture, referral, offer) = await OfferedAsync();
        await using (fixture)
        {
            await PublishForgedAsync(fixture, new PlacementAccepted(Guid.NewGuid(), referral, DateTimeOffset.UtcNow, "ps-rez",
                offer.Attempt, Guid.NewGuid(), "rez", "Organisation rez", null, "svc-rez"));
            await AssertUnchangedAsync(fixture, referral, offer);
        }
    }

    [Fact]
    public async Task A_decline_naming_another_provider_does_not_move_the_referral_on()
    {
        var (fixture, referral, offer) = await OfferedAsync();
        await using (fixture)
        {
            await PublishForgedAsync(fixture, new PlacementDeclined(Guid.NewGuid(), referral, DateTimeOffset.UtcNow, "ps-rez",
                offer.Attempt, offer.OfferId, "rez", DeclineReason.Other, "not ours"));
            await AssertUnchangedAsync(fixture, referral, offer);
        }
    }

    [Fact]
    public async Task A_cancellation_naming_another_service_leaves_the_offer_pending()
    {
        var (fixture, referral, offer) = await OfferedAsync();
        await using (fixture)
        {
            await PublishForgedAsync(fixture, new OfferCancelled(Guid.NewGuid(), referral, DateTimeOffset.UtcNow, offer.OfferId, "svc-rez"));
            await AssertUnchangedAsync(fixture, referral, offer);
        }
    }

    [Fact]
    public async Task The_acceptance_of_the_provider_the_offer_was_made_to_still_places_the_referral()
    {
        var (fixture, referral, offer) = await OfferedAsync();
        await using (fixture)
        {
            await fixture.PublishAsync(
                new PlacementAccepted(Guid.NewGuid(), referral, DateTimeOffset.UtcNow, "ps-dgv", offer.Attempt, offer.OfferId, "dgv",
                    "Organisation dgv", null, "svc-dgv"),
                Guid.NewGuid());

            var placed = await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.Placed, "the placement");
            Assert.Equal("dgv", placed.Place!.ProviderId);
            await Eventually.GetAsync(
                () => fixture.Store.Offers.FindAsync(OfferDocument.IdOf(offer.OfferId), Ct), o => o.Status == OfferStatus.Accepted, "the accepted offer");
        }
    }

    [Fact]
    public async Task Free_places_announced_for_another_providers_service_promote_nobody()
    {
        await using var fixture = await ConsumerHarness.StartAsync();
        await fixture.AddOrganisationAsync(Organisation("dgv", "LV-DGV", 0));
        var referral = Guid.NewGuid();
        await fixture.PublishAsync(ConsumerHarness.Submitted(referral), Guid.NewGuid());
        await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.AwaitingEligibility, "the request");
        await fixture.PublishAsync(ConsumerHarness.Eligible(referral), Guid.NewGuid());
        await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.Waitlisted, "the waitlisting");
        await fixture.Store.Services.UpdateAsync("svc-dgv", s =>
        {
            s.Available = 1;
            return true;
        }, cancellationToken: Ct);

        await PublishForgedAsync(fixture,
            new CapacityChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, "ps-rez", "rez", "svc-dgv", "day-care-centre", 1, 20));
        Assert.Equal(PlacementStatus.Waitlisted,
            (await fixture.Store.Requests.FindAsync(PlacementRequestDocument.IdOf(referral), Ct))!.Status);

        await fixture.PublishAsync(
            new CapacityChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, "ps-dgv", "dgv", "svc-dgv", "day-care-centre", 1, 20), Guid.NewGuid());
        await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.Offered, "the promotion by the service's own provider");
    }
}
