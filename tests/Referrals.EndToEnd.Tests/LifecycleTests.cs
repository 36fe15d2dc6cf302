using System.Net;
using System.Text.Json.Nodes;
using Referrals.Testing;
using Xunit;

namespace Referrals.EndToEnd.Tests;

/// <summary>
/// Every path of the referral lifecycle, driven through the gateway against the four services running as separate
/// processes over RabbitMQ. Each test uses its own service type and municipality so the tests cannot meet. Every call
/// carries the token of the user who may make it (see <see cref="ReferralsClient"/>).
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class LifecycleTests(DistributedSystem system)
{
    private ReferralsClient Client
    {
        get
        {
            system.SkipWhenUnavailable();
            return new ReferralsClient(system.Gateway);
        }
    }

    private static string Status(JsonNode? node) => node!["status"]!.GetValue<string>();

    private static List<string> SmsStatuses(JsonArray messages) => messages.Select(Status).ToList();

    private static List<string> SmsTexts(JsonArray messages) => messages.Select(m => m!["text"]!.GetValue<string>()).ToList();

    private static string ShortCode(JsonObject referral) => referral["shortCode"]!.GetValue<string>();

    [Fact]
    public async Task A_referral_travels_from_submission_to_an_accepted_placement_with_the_family_told_by_sms()
    {
        var client = Client;
        await client.CreateOrganisationAsync("e2e-ltc-dgv", "LV-DGV", "long-term-care", "elderly", available: 2,
            name: "Daugavpils sociālās aprūpes centrs");

        var id = await client.SubmitAsync("LV-DGV", "long-term-care", "elderly", "1950-01-31", "310150-11012");
        await client.WaitForStatusAsync(id, "Offered");
        var offer = await client.WaitForPendingOfferAsync(id, "e2e-ltc-dgv");
        using var accepted = await client.AcceptAsync(offer, "e2e-ltc-dgv");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var referral = await client.WaitForStatusAsync(id, "Placed");
        Assert.Equal("Daugavpils sociālās aprūpes centrs", referral["placement"]!["providerName"]!.GetValue<string>());
        Assert.Equal("Eligible", referral["eligibility"]!["outcome"]!.GetValue<string>());
        // Events from two services may reach Intake in either order; every one of them is on the timeline.
        var events = referral["timeline"]!.AsArray().Select(line => line!["event"]!.GetValue<string>()).ToList();
        Assert.Equal("ReferralSubmitted", events[0]);
        Assert.Subset(events.ToHashSet(), new HashSet<string> { "ReferralSubmitted", "EligibilityAssessed", "PlacementOffered", "PlacementAccepted" });

        var sms = await client.WaitForSmsAsync(id, "Submitted", "Placed");
        Assert.Equal(["Submitted", "Placed"], SmsStatuses(sms));
        var code = ShortCode(referral);
        Assert.Equal(
            [
                $"Nosūtījums {code} sociālā pakalpojuma saņemšanai ir reģistrēts. Sīkāk — sociālajā dienestā.",
                $"Nosūtījums {code}: vieta piešķirta — Daugavpils sociālās aprūpes centrs, tālr. +37165400000. Sīkāk — sociālajā dienestā.",
            ],
            SmsTexts(sms));
    }

    [Fact]
    public async Task A_declined_offer_moves_to_the_next_candidate_who_accepts()
    {
        var client = Client;
        await client.CreateOrganisationAsync("e2e-gh-rez", "LV-REZ", "group-home", "mental-disorder", available: 3);
        await client.CreateOrganisationAsync("e2e-gh-077", "LV-077", "group-home", "mental-disorder", available: 3,
            name: "Rezeknes novada grupu maja");

        var id = await client.SubmitAsync("LV-REZ", "group-home", "mental-disorder", "1985-06-15", "150685-11010", language: "en");
        // Declared municipality first: the Rēzekne provider is asked before the one in Rēzeknes novads.
        var first = await client.WaitForPendingOfferAsync(id, "e2e-gh-rez");
        // The other provider's staff cannot answer an offer made to someone else: not found, and it stays pending.
        using (var foreign = await client.DeclineAsync(first, "e2e-gh-077", "NoCapacity"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal(first, await client.WaitForPendingOfferAsync(id, "e2e-gh-rez"));
        using var declined = await client.DeclineAsync(first, "e2e-gh-rez", "NoCapacity");
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        var second = await client.WaitForPendingOfferAsync(id, "e2e-gh-077");
        using var accepted = await client.AcceptAsync(second, "e2e-gh-077");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var referral = await client.WaitForStatusAsync(id, "Placed");
        Assert.Equal("e2e-gh-077", referral["placement"]!["providerId"]!.GetValue<string>());
        // The decline travels on its own queue and may be recorded after the acceptance: wait for its timeline line.
        referral = await client.WaitForTimelineAsync(id, line => line["detail"]?.ToString().Contains("NoCapacity", StringComparison.Ordinal) == true, "the decline (NoCapacity)");
        var sms = await client.WaitForSmsAsync(id, "Submitted", "Placed");
        Assert.Equal(["Submitted", "Placed"], SmsStatuses(sms));
        var code = ShortCode(referral);
        Assert.Equal(
            [
                $"Your referral {code} for a social service has been registered. For details, please contact your social service.",
                $"Referral {code}: place confirmed at Rezeknes novada grupu maja, tel. +37165400000. For details, contact your social service.",
            ],
            SmsTexts(sms));
        // Plain English fits GSM-7, one part each.
        Assert.All(sms, m => Assert.Equal("Gsm7", m!["encoding"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_client_outside_the_age_limits_is_rejected_with_the_reason()
    {
        var client = Client;
        var id = await client.SubmitAsync("LV-DGV", "child-day-centre", "children-with-behavioural-problems", "1996-03-02", "020396-11010", language: "ru");

        var referral = await client.WaitForStatusAsync(id, "Rejected");
        Assert.Equal("NotEligible", referral["eligibility"]!["outcome"]!.GetValue<string>());
        Assert.Contains(referral["eligibility"]!["results"]!.AsArray(), r => r!["verdict"]!.GetValue<string>() == "Failed");
        var sms = await client.WaitForSmsAsync(id, "Submitted", "Rejected");
        Assert.Equal(["Submitted", "Rejected"], SmsStatuses(sms));
        var code = ShortCode(referral);
        Assert.Equal(
            [
                $"Направление {code} на социальную услугу зарегистрировано. Подробнее — в социальной службе.",
                $"К сожалению, работа по направлению {code} сейчас не может быть продолжена. Подробнее — в социальной службе.",
            ],
            SmsTexts(sms));
    }

    [Fact]
    public async Task A_waitlisted_referral_is_offered_when_a_place_frees_up()
    {
        var client = Client;
        await client.CreateOrganisationAsync("e2e-hh-111", "LV-111", "halfway-house", "mental-disorder", available: 0);

        var id = await client.SubmitAsync("LV-111", "halfway-house", "mental-disorder", "1979-09-09", "090979-11012");
        var waiting = await client.WaitForStatusAsync(id, "Waitlisted");
        Assert.Equal(1, waiting["waitlistPosition"]!.GetValue<int>());

        using var raised = await client.SetCapacityAsync("svc-e2e-hh-111", available: 1);
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var offer = await client.WaitForPendingOfferAsync(id, "e2e-hh-111");
        using var accepted = await client.AcceptAsync(offer, "e2e-hh-111");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var placed = await client.WaitForStatusAsync(id, "Placed");
        var sms = await client.WaitForSmsAsync(id, "Submitted", "Waitlisted", "Placed");
        Assert.Equal(["Submitted", "Waitlisted", "Placed"], SmsStatuses(sms));
        Assert.Equal(
            $"Nosūtījums {ShortCode(placed)} ir iekļauts pakalpojuma rindā. Pašreizējā vieta rindā: 1. Sīkāk — sociālajā dienestā.",
            SmsTexts(sms)[1]);
    }

    [Fact]
    public async Task A_withdrawn_referral_cannot_be_accepted_any_more()
    {
        var client = Client;
        await client.CreateOrganisationAsync("e2e-hc-058", "LV-058", "home-care", "elderly", available: 5);

        var id = await client.SubmitAsync("LV-058", "home-care", "elderly", "1940-04-11", "110440-11013");
        var offer = await client.WaitForPendingOfferAsync(id, "e2e-hc-058");
        using var withdrawn = await client.WithdrawAsync(id, "Ģimene atrada citu risinājumu");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        await client.WaitForStatusAsync(id, "Withdrawn");

        // The directory hears of the withdrawal by event: once it has, the offer is cancelled and cannot be accepted.
        await client.WaitForOfferStatusAsync(id, offer, "e2e-hc-058", "Cancelled");
        using var late = await client.AcceptAsync(offer, "e2e-hc-058");
        var status = late.StatusCode;

        Assert.Equal(HttpStatusCode.Conflict, status);
        var referral = await client.ReferralAsync(id);
        Assert.Equal("Withdrawn", Status(referral));
        Assert.Null(referral["placement"]);
        var sms = await client.WaitForSmsAsync(id, "Submitted", "Withdrawn");
        Assert.Equal(["Submitted", "Withdrawn"], SmsStatuses(sms));
        Assert.Equal($"Nosūtījums {ShortCode(referral)} ir atsaukts. Sīkāk — sociālajā dienestā.", SmsTexts(sms)[1]);
    }

    [Fact]
    public async Task Two_acceptances_racing_for_the_last_place_have_exactly_one_winner()
    {
        var client = Client;
        await client.CreateOrganisationAsync("e2e-rs-047", "LV-047", "respite", "mental-disorder", available: 1);

        var first = await client.SubmitAsync("LV-047", "respite", "mental-disorder", "1961-12-01", "011261-11019");
        var second = await client.SubmitAsync("LV-047", "respite", "mental-disorder", "1961-12-01", "011261-12020");
        var offers = await Task.WhenAll(
            client.WaitForPendingOfferAsync(first, "e2e-rs-047"),
            client.WaitForPendingOfferAsync(second, "e2e-rs-047"));

        var answers = await Task.WhenAll(offers.Select(offer => client.AcceptAsync(offer, "e2e-rs-047")));
        var codes = answers.Select(a => a.StatusCode).OrderBy(c => c).ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);

        var winner = answers[0].StatusCode == HttpStatusCode.OK ? first : second;
        var loser = winner == first ? second : first;
        await client.WaitForStatusAsync(winner, "Placed");
        // No other candidate has a free place, so the loser waits for one.
        await client.WaitForStatusAsync(loser, "Waitlisted");
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Theory]
    [InlineData("/api/notifications/delivery-reports?id=x&status=1")]
    [InlineData("/api/notifications/inbound-sms?from=%2B37120000001&text=STOP")]
    public async Task Endpoints_meant_for_the_sms_gateway_are_not_reachable_through_the_public_gateway(string path)
    {
        system.SkipWhenUnavailable();
        var notification = system.Processes.Single(p => p.Name == "Notification");
        using var direct = new HttpClient { BaseAddress = notification.BaseAddress };
        // Signed in, so that a 404 means "no such route" and not a missing token.
        var user = ReferralsClient.SocialWorker("LV-DGV");

        using var viaGateway = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)).As(user);
        using var viaService = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)).As(user);

        using var throughGateway = await system.Gateway.SendAsync(viaGateway, TestContext.Current.CancellationToken);
        using var inside = await direct.SendAsync(viaService, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, throughGateway.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, inside.StatusCode);
    }
}
