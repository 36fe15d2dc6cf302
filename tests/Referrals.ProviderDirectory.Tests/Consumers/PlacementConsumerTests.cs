using MassTransit.Testing;
using Referrals.Contracts.Intake;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Consumers;

public sealed class PlacementConsumerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OrganisationInput Organisation(string id, string municipality, int available) => new(
        id, $"Organisation {id}", "+37165400000", null, municipality,
        [new ServiceInput($"svc-{id}", "day-care-centre", ["elderly"], 18, null, null, 20, available)]);

    [Fact]
    public async Task Redelivered_submission_and_verdict_leave_one_request_and_one_offer()
    {
        await using var fixture = await ConsumerHarness.StartAsync();
        await fixture.AddOrganisationAsync(Organisation("dgv", "LV-DGV", 2));
        var referral = Guid.NewGuid();
        var submitted = ConsumerHarness.Submitted(referral);
        var submittedId = Guid.NewGuid();
        var eligible = ConsumerHarness.Eligible(referral);
        var eligibleId = Guid.NewGuid();

        await fixture.PublishAsync(submitted, submittedId);
        await fixture.PublishAsync(submitted, submittedId);
        await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.AwaitingEligibility, "the request");
        await fixture.PublishAsync(eligible, eligibleId);
        await fixture.PublishAsync(eligible, eligibleId);

        var service = await Eventually.GetAsync(
            () => fixture.Store.Services.FindAsync("svc-dgv", Ct), s => s.PendingOffers.Count > 0, "the pending offer");
        Assert.True(await fixture.Harness.Published.Any<PlacementOffered>(Ct));
        await fixture.PublishAsync(eligible, eligibleId);
        await Task.Delay(1000, Ct);

        var request = await fixture.Store.Requests.FindAsync(PlacementRequestDocument.IdOf(referral), Ct);
        Assert.Equal(PlacementStatus.Offered, request!.Status);
        Assert.Equal(1, request.Attempt);
        Assert.Single((await fixture.Store.Services.FindAsync("svc-dgv", Ct))!.PendingOffers);
        Assert.Single(fixture.Harness.Published.Select<PlacementOffered>(Ct));
        var offered = fixture.Harness.Published.Select<PlacementOffered>(Ct).Single().Context.Message;
        Assert.Equal((referral, 1, "svc-dgv", 1), (offered.ReferralId, offered.Attempt, offered.ServiceId, offered.Rank));
        Assert.Equal(service.PendingOffers[0].OfferId, offered.OfferId);
    }

    [Fact]
    public async Task A_verdict_that_overtakes_the_submission_is_retried_until_the_criteria_arrive()
    {
        await using var fixture = await ConsumerHarness.StartAsync();
        await fixture.AddOrganisationAsync(Organisation("dgv", "LV-DGV", 1));
        var referral = Guid.NewGuid();

        await fixture.PublishAsync(ConsumerHarness.Eligible(referral), Guid.NewGuid());
        await Task.Delay(150, Ct);
        await fixture.PublishAsync(ConsumerHarness.Submitted(referral), Guid.NewGuid());

        var request = await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.Offered, "the offer after the retry");
        Assert.Equal("svc-dgv", request.CurrentOffer!.ServiceId);
    }

    [Fact]
    public async Task No_free_place_anywhere_waitlists_with_a_position()
    {
        await using var fixture = await ConsumerHarness.StartAsync();
        await fixture.AddOrganisationAsync(Organisation("dgv", "LV-DGV", 0));
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        foreach (var referral in new[] { first, second })
        {
            await fixture.PublishAsync(ConsumerHarness.Submitted(referral), Guid.NewGuid());
            await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.AwaitingEligibility, "the request");
            await fixture.PublishAsync(ConsumerHarness.Eligible(referral), Guid.NewGuid());
            await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.Waitlisted, "the waitlisting");
        }

        await Eventually.GetAsync(
            () => Task.FromResult<int?>(fixture.Harness.Published.Select<ReferralWaitlisted>(Ct).Count()), n => n == 2, "two waitlistings");
        var positions = fixture.Harness.Published.Select<ReferralWaitlisted>(Ct)
            .ToDictionary(m => m.Context.Message.ReferralId, m => m.Context.Message.Position);
        Assert.Equal(1, positions[first]);
        Assert.Equal(2, positions[second]);
    }

    [Fact]
    public async Task Redelivered_closure_returns_the_place_once()
    {
        await using var fixture = await ConsumerHarness.StartAsync();
        await fixture.AddOrganisationAsync(Organisation("dgv", "LV-DGV", 1));
        var referral = Guid.NewGuid();
        await fixture.PublishAsync(ConsumerHarness.Submitted(referral), Guid.NewGuid());
        await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.AwaitingEligibility, "the request");
        await fixture.PublishAsync(ConsumerHarness.Eligible(referral), Guid.NewGuid());
        var service = await Eventually.GetAsync(
            () => fixture.Store.Services.FindAsync("svc-dgv", Ct), s => s.PendingOffers.Count > 0, "the pending offer");
        Assert.True(await fixture.Store.Services.UpdateAsync("svc-dgv", s =>
            s.Accept(service.PendingOffers[0].OfferId, "provider-1", DateTimeOffset.UtcNow) == DecisionResult.Accepted, cancellationToken: Ct) is not null);
        await fixture.PublishPendingAsync((await fixture.Store.Services.FindAsync("svc-dgv", Ct))!);

        await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.Placed, "the placement");
        var closed = new ReferralClosed(Guid.NewGuid(), referral, DateTimeOffset.UtcNow, "sw-1", ReferralOutcome.NeedMet, null);
        var closedId = Guid.NewGuid();
        await fixture.PublishAsync(closed, closedId);
        await fixture.PublishAsync(closed, closedId);

        var released = await Eventually.GetAsync(
            () => fixture.Store.Services.FindAsync("svc-dgv", Ct), s => s.Placements.Count == 0, "the returned place");
        await Task.Delay(500, Ct);
        Assert.Equal(1, (await fixture.Store.Services.FindAsync("svc-dgv", Ct))!.Available);
        Assert.Equal(1, released.Available);
        Assert.Equal(PlacementStatus.Closed, (await fixture.Store.Requests.FindAsync(PlacementRequestDocument.IdOf(referral), Ct))!.Status);
    }

    [Fact]
    public async Task A_redelivered_offer_request_records_one_pending_offer_and_announces_it_once()
    {
        await using var fixture = await ConsumerHarness.StartAsync();
        await fixture.AddOrganisationAsync(Organisation("dgv", "LV-DGV", 1));
        var request = new Internal.OfferRequested(
            Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow, "svc-dgv", Guid.NewGuid(), 1, 1, ["1 free place"]);
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(request, messageId);
        await fixture.PublishAsync(request, messageId);

        await Eventually.GetAsync(
            () => fixture.Store.Offers.FindAsync(Offers.OfferDocument.IdOf(request.OfferId), Ct), o => true, "the offer read model");
        await Task.Delay(500, Ct);
        var service = (await fixture.Store.Services.FindAsync("svc-dgv", Ct))!;
        Assert.Equal(request.OfferId, Assert.Single(service.PendingOffers).OfferId);
        Assert.Single(fixture.Harness.Published.Select<PlacementOffered>(Ct));
        Assert.Empty(service.Outbox);
    }

    [Fact]
    public async Task The_family_contact_in_a_submission_is_never_stored()
    {
        await using var fixture = await ConsumerHarness.StartAsync();
        var referral = Guid.NewGuid();
        var submitted = ConsumerHarness.Submitted(referral) with { Contact = new FamilyContact("+37120000001", "lv") };

        await fixture.PublishAsync(submitted, Guid.NewGuid());

        var request = await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.AwaitingEligibility, "the request");
        var stored = System.Text.Json.JsonSerializer.Serialize(request, Messaging.Outbox.MessageJson.Options);
        Assert.DoesNotContain("+37120000001", stored, StringComparison.Ordinal);
        Assert.Equal(("elderly", "LV-DGV", new DateOnly(1950, 5, 1)), (request.ClientGroup, request.DeclaredMunicipality, request.DateOfBirth));
    }

    [Theory]
    [InlineData("NoCapacity", true)]
    [InlineData("OutOfServiceArea", false)]
    public async Task New_places_go_to_waiting_referrals_unless_the_service_turned_them_down(string earlierDecline, bool offered)
    {
        await using var fixture = await ConsumerHarness.StartAsync();
        await fixture.AddOrganisationAsync(Organisation("dgv", "LV-DGV", 0));
        var referral = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        Assert.True(await fixture.Store.Requests.TryInsertAsync(new PlacementRequestDocument
        {
            Id = PlacementRequestDocument.IdOf(referral),
            ReferralId = referral,
            ServiceType = "day-care-centre",
            ClientGroup = "elderly",
            DateOfBirth = new DateOnly(1950, 5, 1),
            Gender = "female",
            Municipality = "LV-DGV",
            DeclaredMunicipality = "LV-DGV",
            Status = PlacementStatus.Waitlisted,
            Attempt = 2,
            WaitlistedAt = now,
            DeclinedBy = [new Declined("org-dgv", "svc-dgv", Guid.NewGuid(), earlierDecline, now)],
        }, Ct));
        Assert.NotNull(await fixture.Store.Services.UpdateAsync("svc-dgv", s =>
        {
            s.Available = 1;
            s.Outbox.Clear();
            s.RaiseCapacityChanged("provider-1", now);
            return true;
        }, cancellationToken: Ct));

        await fixture.PublishPendingAsync((await fixture.Store.Services.FindAsync("svc-dgv", Ct))!);

        if (offered)
        {
            var request = await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.Offered, "the promotion");
            Assert.Equal(("svc-dgv", 3), (request.CurrentOffer!.ServiceId, request.Attempt));
        }
        else
        {
            Assert.True(await fixture.Harness.Consumed.Any<CapacityChanged>(Ct));
            await Task.Delay(500, Ct);
            Assert.Equal(PlacementStatus.Waitlisted, (await fixture.Store.Requests.FindAsync(PlacementRequestDocument.IdOf(referral), Ct))!.Status);
        }
    }

    [Fact]
    public async Task A_referral_found_not_eligible_is_never_offered()
    {
        await using var fixture = await ConsumerHarness.StartAsync();
        await fixture.AddOrganisationAsync(Organisation("dgv", "LV-DGV", 3));
        var referral = Guid.NewGuid();
        await fixture.PublishAsync(ConsumerHarness.Submitted(referral), Guid.NewGuid());
        await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.AwaitingEligibility, "the request");

        await fixture.PublishAsync(
            ConsumerHarness.Eligible(referral) with { Outcome = Contracts.Eligibility.EligibilityOutcome.NotEligible }, Guid.NewGuid());

        await fixture.RequestAsync(referral, r => r.Status == PlacementStatus.NotEligible, "the verdict");
        Assert.Empty((await fixture.Store.Services.FindAsync("svc-dgv", Ct))!.PendingOffers);
        Assert.False(await fixture.Harness.Published.Any<PlacementOffered>(Ct));
    }
}
