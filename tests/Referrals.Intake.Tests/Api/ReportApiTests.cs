using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.ProviderDirectory;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Api;

/// <summary>GET /api/referrals/report against the real host: figures from referrals moved by real directory events.</summary>
public sealed class ReportApiTests(IntakeApiFactory api) : IClassFixture<IntakeApiFactory>
{
    private static readonly DemoUser Worker = TestTokens.SocialWorker("LV-VEN", "sw-ventspils-report");
    private static readonly DemoUser Coordinator = TestTokens.Coordinator("Kurzeme", "co-kurzeme-report");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_report_counts_statuses_durations_declines_and_the_waiting_list_without_personal_data()
    {
        using var worker = api.CreateClient().As(Worker);
        var bus = api.Services.GetRequiredService<IBus>();
        var placed = await SubmitAsync(worker);
        var firstOffer = Guid.NewGuid();
        var secondOffer = Guid.NewGuid();
        await bus.Publish(Offered(placed, 1, firstOffer), Cancel);
        await WaitForStatusAsync(worker, placed, "Offered");
        var decline = new PlacementDeclined(Guid.NewGuid(), placed, DateTimeOffset.UtcNow, "provider-7", 1, firstOffer, "org-ven-1", DeclineReason.NoCapacity, null);
        await bus.Publish(decline, Cancel);
        await WaitForStatusAsync(worker, placed, "Matching");
        // The same decline again (a redelivery under a new event id) must not count twice.
        await bus.Publish(decline with { EventId = Guid.NewGuid() }, Cancel);
        await bus.Publish(Offered(placed, 2, secondOffer), Cancel);
        await WaitForStatusAsync(worker, placed, "Offered");
        await bus.Publish(new PlacementAccepted(Guid.NewGuid(), placed, DateTimeOffset.UtcNow, "provider-8", 2, secondOffer,
            "org-ven-2", "Ventspils DAC", "+37163600000", "svc-ven-b"), Cancel);
        await WaitForStatusAsync(worker, placed, "Placed");
        var rejected = await SubmitAsync(worker);
        await bus.Publish(new EligibilityAssessed(Guid.NewGuid(), rejected, DateTimeOffset.UtcNow, EligibilityOutcome.NotEligible, "2026.1",
            [new RuleResult("residence", RuleVerdict.Failed, "Nav deklarēts", "Not declared")]), Cancel);
        await WaitForStatusAsync(worker, rejected, "Rejected");
        var waiting = await SubmitAsync(worker);
        await bus.Publish(new ReferralWaitlisted(Guid.NewGuid(), waiting, DateTimeOffset.UtcNow, 1, "day-care-centre", 4), Cancel);
        await WaitForStatusAsync(worker, waiting, "Waitlisted");
        await SubmitAsync(worker);

        var response = await worker.GetAsync("/api/referrals/report", Cancel);
        var fromCoordinator = await api.CreateClient().As(Coordinator).GetFromJsonAsync<JsonObject>("/api/referrals/report?municipality=LV-VEN", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("Bērziņa", text, StringComparison.Ordinal);
        Assert.DoesNotContain(placed.ToString(), text, StringComparison.OrdinalIgnoreCase);
        var report = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["LV-VEN"], report["municipalities"]!.AsArray().Select(m => m!.GetValue<string>()));
        var row = Assert.Single(report["rows"]!.AsArray())!.AsObject();
        Assert.Equal(("LV-VEN", "day-care-centre"), (row["municipality"]!.GetValue<string>(), row["serviceType"]!.GetValue<string>()));
        var byStatus = row["byStatus"]!.AsObject();
        Assert.Equal((1, 1, 1, 1, 0), (Count(byStatus, "Placed"), Count(byStatus, "Rejected"), Count(byStatus, "Waitlisted"), Count(byStatus, "Submitted"), Count(byStatus, "Offered")));
        Assert.Equal(4, row["total"]!.GetValue<int>());
        Assert.Equal(1, row["waitlisted"]!.GetValue<int>());
        Assert.Equal(3, row["toDecision"]!["count"]!.GetValue<int>());
        Assert.InRange(row["toDecision"]!["medianHours"]!.GetValue<double>(), 0, 1);
        Assert.Equal(1, row["toPlacement"]!["count"]!.GetValue<int>());
        Assert.NotNull(row["toPlacement"]!["p90Hours"]);
        Assert.Equal(1, Count(row["declinesByReason"]!.AsObject(), "NoCapacity"));
        Assert.Equal(0, Count(row["declinesByReason"]!.AsObject(), "Other"));
        Assert.Equal(row.ToJsonString(), Assert.Single(fromCoordinator!["rows"]!.AsArray())!.ToJsonString());
    }

    [Theory]
    [InlineData("?from=2026-02-30", "from")]
    [InlineData("?to=tomorrow", "to")]
    [InlineData("?from=2026-03-02&to=2026-03-01", "to")]
    [InlineData("?from=2020-01-01&to=2026-01-01", "from")]
    [InlineData("?municipality=LV-XXX", "municipality")]
    public async Task Bad_input_is_a_400_naming_the_field(string query, string field)
    {
        using var worker = api.CreateClient().As(Worker);

        var response = await worker.GetAsync("/api/referrals/report" + query, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task A_period_names_its_dates_and_another_municipality_is_403()
    {
        using var worker = api.CreateClient().As(Worker);

        var report = await worker.GetFromJsonAsync<JsonObject>("/api/referrals/report?from=2025-01-01&to=2025-01-31", Cancel);
        var foreign = await worker.GetAsync("/api/referrals/report?municipality=LV-DGV", Cancel);

        Assert.Equal(("2025-01-01", "2025-01-31"), (report!["from"]!.GetValue<string>(), report["to"]!.GetValue<string>()));
        // Nothing was submitted then; a row can only be another test's referral waitlisted now, which counts in any period.
        Assert.All(report["rows"]!.AsArray(), row => Assert.Equal(0, row!["total"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    private static int Count(JsonObject counts, string key) => counts[key]!.GetValue<int>();

    private static PlacementOffered Offered(Guid referral, int attempt, Guid offerId) =>
        new(Guid.NewGuid(), referral, DateTimeOffset.UtcNow, attempt, offerId, "org-ven-" + attempt, "Ventspils " + attempt, "svc-ven-" + attempt, 1, ["closest"]);

    private static async Task<Guid> SubmitAsync(HttpClient client)
    {
        var request = IntakeApiTests.ValidRequest();
        request["municipality"] = "LV-VEN";
        var response = await client.PostAsync("/api/referrals", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
    }

    private static async Task WaitForStatusAsync(HttpClient client, Guid id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await client.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}", Cancel))!["status"]!.GetValue<string>() != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"referral did not become {status}");
            await Task.Delay(50, Cancel);
        }
    }
}
