using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Intake;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Testing;
using Xunit;
using static Referrals.ProviderDirectory.Tests.Api.DirectoryApp;

namespace Referrals.ProviderDirectory.Tests.Api;

public sealed class PlacementFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string OfferIdOf(JsonElement offer) => offer.GetProperty("offerId").GetString()!;

    [Fact]
    public async Task Accepting_takes_a_place_and_places_the_referral()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var client = app.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        using var dgvStaff = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv", "ps-dgv-7"));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-dgv", available: 2));
        var accepted = new TaskCompletionSource<PlacementAccepted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = app.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("test-placement-accepted", e =>
            e.Handler<PlacementAccepted>(context =>
            {
                accepted.TrySetResult(context.Message);
                return Task.CompletedTask;
            }));
        await listener.Ready.WaitAsync(Ct);
        var referral = await app.SubmitEligibleAsync();

        var offer = await PendingOfferAsync(client, referral);
        Assert.Equal("svc-dgv", offer.GetProperty("serviceId").GetString());
        Assert.Equal("day-care-centre", offer.GetProperty("serviceType").GetString());
        using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/providers/offers/{OfferIdOf(offer)}/accept");
        var response = await dgvStaff.SendAsync(accept, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, Ct);
        Assert.Equal("Accepted", body.GetProperty("status").GetString());
        // The acting user is the token's subject, never a name.
        Assert.Equal("ps-dgv-7", (await accepted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Actor);
        await RequestInStatusAsync(client, referral, "Placed");
        Assert.Equal(1, (await ServiceAsync(admin, "org-dgv", "svc-dgv")).GetProperty("available").GetInt32());
        var again = await dgvStaff.PostAsync($"/api/providers/offers/{OfferIdOf(offer)}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Declining_offers_the_next_candidate()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var client = app.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        using var dgvStaff = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv", "ps-dgv-7"));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-dgv", available: 2));
        await app.PostOrganisationAsync(admin, "org-rez", "LV-REZ", Service("svc-rez", available: 1));
        await app.PostOrganisationAsync(admin, "org-rix", "LV-RIX", Service("svc-rix", available: 9));
        var referral = await app.SubmitEligibleAsync();

        var first = await PendingOfferAsync(client, referral);
        Assert.Equal("svc-dgv", first.GetProperty("serviceId").GetString());
        var declined = await dgvStaff.PostAsJsonAsync(
            $"/api/providers/offers/{OfferIdOf(first)}/decline", new { reason = "OutOfServiceArea", text = "transport nav pieejams" }, Ct);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        var second = await PendingOfferAsync(client, referral, attempt: 2);
        Assert.Equal("svc-rez", second.GetProperty("serviceId").GetString());
        var request = await RequestInStatusAsync(client, referral, "Offered", 2);
        Assert.Equal(["org-dgv"], request.GetProperty("declinedBy").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["svc-dgv", "svc-rez"], request.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("serviceId").GetString()));
        var old = await GetJsonAsync(client, $"/api/providers/offers/{OfferIdOf(first)}");
        Assert.Equal(("Declined", "OutOfServiceArea"), (old.GetProperty("status").GetString(), old.GetProperty("declineReason").GetString()));
        Assert.Equal(2, (await ServiceAsync(admin, "org-dgv", "svc-dgv")).GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Racing_accepts_for_the_last_place_have_exactly_one_winner_and_the_loser_moves_on()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var client = app.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        using var dgvStaff = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv", "ps-dgv-7"));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-dgv", available: 1));
        await app.PostOrganisationAsync(admin, "org-rez", "LV-REZ", Service("svc-rez", available: 1));
        var a = await app.SubmitEligibleAsync();
        var offerA = await PendingOfferAsync(client, a);
        var b = await app.SubmitEligibleAsync();
        var offerB = await PendingOfferAsync(client, b);
        Assert.Equal("svc-dgv", offerA.GetProperty("serviceId").GetString());
        Assert.Equal("svc-dgv", offerB.GetProperty("serviceId").GetString());

        using var start = new ManualResetEventSlim();
        var racers = new[] { offerA, offerB }.Select(offer => Task.Run(async () =>
        {
            start.Wait(Ct);
            return await dgvStaff.PostAsync($"/api/providers/offers/{OfferIdOf(offer)}/accept", null, Ct);
        }, Ct)).ToArray();
        start.Set();
        var responses = await Task.WhenAll(racers);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Conflict],
            responses.Select(r => r.StatusCode).Order());
        var winner = responses[0].StatusCode == HttpStatusCode.OK ? a : b;
        var loser = winner == a ? b : a;
        var loserOffer = winner == a ? offerB : offerA;
        await RequestInStatusAsync(client, winner, "Placed");
        var movedOn = await PendingOfferAsync(client, loser, attempt: 2);
        Assert.Equal("svc-rez", movedOn.GetProperty("serviceId").GetString());
        var lapsed = await GetJsonAsync(client, $"/api/providers/offers/{OfferIdOf(loserOffer)}");
        Assert.Equal(("Lapsed", "NoCapacity"), (lapsed.GetProperty("status").GetString(), lapsed.GetProperty("declineReason").GetString()));
        var service = await ServiceAsync(admin, "org-dgv", "svc-dgv");
        Assert.Equal((0, 1), (service.GetProperty("available").GetInt32(), service.GetProperty("placements").GetInt32()));
    }

    [Fact]
    public async Task Waitlisted_referrals_are_offered_a_place_when_capacity_is_raised()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var client = app.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        using var dgvStaff = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv", "ps-dgv-7"));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-dgv", available: 0));
        var first = await app.SubmitEligibleAsync();
        var waiting = await RequestInStatusAsync(client, first, "Waitlisted");
        Assert.Equal(1, waiting.GetProperty("waitlistPosition").GetInt32());
        var second = await app.SubmitEligibleAsync();
        Assert.Equal(2, (await RequestInStatusAsync(client, second, "Waitlisted")).GetProperty("waitlistPosition").GetInt32());

        var raised = await dgvStaff.PutAsJsonAsync("/api/providers/services/svc-dgv/capacity", new { available = 1, maximum = 20 }, Ct);
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var capacity = await raised.Content.ReadFromJsonAsync<JsonElement>(Json, Ct);
        Assert.Equal(1, capacity.GetProperty("available").GetInt32());

        var offer = await PendingOfferAsync(client, first, attempt: 2);
        Assert.Equal("svc-dgv", offer.GetProperty("serviceId").GetString());
        await Task.Delay(300, Ct);
        var still = await RequestInStatusAsync(client, second, "Waitlisted");
        Assert.Equal(1, still.GetProperty("waitlistPosition").GetInt32());
    }

    [Fact]
    public async Task Withdrawing_cancels_the_offer_and_it_can_no_longer_be_accepted()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var client = app.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        using var dgvStaff = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv", "ps-dgv-7"));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-dgv", available: 1));
        var referral = await app.SubmitEligibleAsync();
        var offer = await PendingOfferAsync(client, referral);

        await app.PublishAsync(new ReferralWithdrawn(Guid.NewGuid(), referral, DateTimeOffset.UtcNow, "sw-daugavpils-1", "ģimene pārdomāja"));

        await RequestInStatusAsync(client, referral, "Withdrawn");
        await Eventually.GetAsync<JsonElement?>(
            async () => await GetJsonAsync(client, $"/api/providers/offers/{OfferIdOf(offer)}"),
            o => o!.Value.GetProperty("status").GetString() == "Cancelled",
            "the cancelled offer");
        var accept = await dgvStaff.PostAsync($"/api/providers/offers/{OfferIdOf(offer)}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        var service = await ServiceAsync(admin, "org-dgv", "svc-dgv");
        Assert.Equal((1, 0), (service.GetProperty("available").GetInt32(), service.GetProperty("pendingOffers").GetInt32()));
    }

    [Fact]
    public async Task Closing_a_placed_referral_returns_its_place_to_the_waiting_list()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var client = app.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        using var dgvStaff = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv", "ps-dgv-7"));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-dgv", available: 1));
        var placed = await app.SubmitEligibleAsync();
        var offer = await PendingOfferAsync(client, placed);
        Assert.Equal(HttpStatusCode.OK, (await dgvStaff.PostAsync($"/api/providers/offers/{OfferIdOf(offer)}/accept", null, Ct)).StatusCode);
        await RequestInStatusAsync(client, placed, "Placed");
        var waiting = await app.SubmitEligibleAsync();
        await RequestInStatusAsync(client, waiting, "Waitlisted");

        await app.PublishAsync(new ReferralClosed(Guid.NewGuid(), placed, DateTimeOffset.UtcNow, "sw-daugavpils-1", ReferralOutcome.NeedMet, null));

        await RequestInStatusAsync(client, placed, "Closed");
        var next = await PendingOfferAsync(client, waiting, attempt: 2);
        Assert.Equal("svc-dgv", next.GetProperty("serviceId").GetString());
        var service = await ServiceAsync(admin, "org-dgv", "svc-dgv");
        Assert.Equal((1, 0), (service.GetProperty("available").GetInt32(), service.GetProperty("placements").GetInt32()));
    }

    [Fact]
    public async Task A_service_left_out_when_its_organisation_is_replaced_is_no_longer_offered()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var client = app.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-dgv", available: 5), Service("svc-dgv-home", 3, type: "home-care"));
        await app.PostOrganisationAsync(admin, "org-rez", "LV-REZ", Service("svc-rez", available: 1));

        var replaced = await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-dgv-home", 3, type: "home-care"));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var referral = await app.SubmitEligibleAsync();

        var offer = await PendingOfferAsync(client, referral);
        Assert.Equal("svc-rez", offer.GetProperty("serviceId").GetString());
        var organisation = await GetJsonAsync(admin, "/api/providers/admin/organizations/org-dgv");
        Assert.Equal(["svc-dgv-home"], organisation.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_provider_chosen_by_the_social_worker_is_offered_first()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var client = app.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        await app.PostOrganisationAsync(admin, "org-big", "LV-DGV", Service("svc-big", available: 9));
        await app.PostOrganisationAsync(admin, "org-ludza", "LV-058", Service("svc-ludza", available: 1));

        var referral = await app.SubmitEligibleAsync(preferredProviderId: "org-ludza");

        var offer = await PendingOfferAsync(client, referral);
        Assert.Equal("svc-ludza", offer.GetProperty("serviceId").GetString());
        var request = await RequestInStatusAsync(client, referral, "Offered");
        var first = request.GetProperty("candidates")[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal("chosen by the social worker", first.GetProperty("why")[0].GetString());
    }
}
