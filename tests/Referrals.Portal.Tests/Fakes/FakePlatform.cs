using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Tests.Fakes;

/// <summary>
/// A stand-in for the platform's APIs, only the endpoints the portal's sign-in, list, form and pre-check use, on
/// 127.0.0.1. It issues "fake-token-{userId}" and refuses calls without one; it remembers what it was sent.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePlatform(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>Every token the portal presented, in order.</summary>
    public ConcurrentQueue<string> TokensSeen { get; } = new();

    /// <summary>The bodies posted to /api/referrals.</summary>
    public ConcurrentQueue<JsonObject> Submissions { get; } = new();

    /// <summary>When set, POST /api/referrals answers 400 with these field errors.</summary>
    public Dictionary<string, string[]>? SubmissionErrors { get; set; }

    /// <summary>The query strings the report page sent to /api/referrals/report.</summary>
    public ConcurrentQueue<string> ReportQueries { get; } = new();

    /// <summary>The bodies posted to the withdraw and decline endpoints, by path.</summary>
    public ConcurrentQueue<(string Path, JsonObject Body)> Commands { get; } = new();

    public static readonly Guid OfferId = Guid.Parse("0a0b0c0d-1111-2222-3333-444455556666");

    /// <summary>When true, every /api call is 401, as when a token expired.</summary>
    public bool TokensExpired { get; set; }

    public static readonly Guid ReferralId = Guid.Parse("6f1c2d9e-3b7a-4c55-9e0f-1a2b3c4d5e6f");

    /// <summary>Submitted 30 June 2026 21:30 UTC: already 1 July, 00:30, in Riga.</summary>
    public static readonly DateTimeOffset SubmittedAt = new(2026, 6, 30, 21, 30, 0, TimeSpan.Zero);

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePlatform(app);
        fake.Map(app);
        await app.StartAsync();
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/auth/dev/users", () => DemoUsers.All.Select(DemoUserView.From));
        app.MapPost("/auth/dev/token", async (HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<JsonObject>();
            var id = body?["userId"]?.GetValue<string>();
            return DemoUsers.Find(id ?? "") is { } user
                ? Results.Ok(new DevelopmentToken("fake-token-" + user.Id, "Bearer", 3600, DemoUserView.From(user)))
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = ["Unknown demo user."] });
        });

        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) =>
        {
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            if (TokensExpired || !header.StartsWith("Bearer fake-token-", StringComparison.Ordinal))
            {
                return Results.Unauthorized();
            }

            TokensSeen.Enqueue(header["Bearer ".Length..]);
            return await next(context);
        });
        api.MapGet("/referrals", () => new[]
        {
            new
            {
                id = ReferralId, shortCode = "DGV-7K3P", status = "Offered", serviceType = "home-care", municipality = "LV-DGV",
                submittedAt = SubmittedAt, updatedAt = SubmittedAt,
            },
        });
        api.MapGet("/eligibility/overdue", () => new[]
        {
            new { referralId = ReferralId, serviceType = "home-care", outcome = "NeedsInformation", decisionDueOn = "2026-07-10", municipality = "LV-DGV" },
            // Outside every caller's scope here: the report must not count it.
            new { referralId = Guid.NewGuid(), serviceType = "home-care", outcome = "NeedsInformation", decisionDueOn = "2026-07-10", municipality = "LV-RIX" },
        });
        api.MapGet("/referrals/report", (HttpRequest request) =>
        {
            ReportQueries.Enqueue(request.QueryString.Value ?? "");
            if (request.Query["from"] == "2026-02-30")
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Expected a date as yyyy-MM-dd."] });
            }

            var municipality = request.Query["municipality"].ToString();
            var statuses = new[] { "Submitted", "NeedsInformation", "Rejected", "Matching", "Offered", "Waitlisted", "Placed", "Withdrawn", "Closed" };
            var reasons = new[] { "NoCapacity", "NotEligible", "MissingDocuments", "OutOfServiceArea", "ClientRefused", "Other" };
            var rows = new[]
            {
                new
                {
                    municipality = "LV-DGV", serviceType = "home-care",
                    byStatus = statuses.ToDictionary(s => s, s => s switch { "Offered" => 1, "Placed" => 2, _ => 0 }),
                    total = 3, waitlisted = 1,
                    toDecision = new { count = 3, medianHours = (double?)36, p90Hours = (double?)60 },
                    toPlacement = new { count = 2, medianHours = (double?)72, p90Hours = (double?)96 },
                    declinesByReason = reasons.ToDictionary(r => r, r => r switch { "NoCapacity" => 2, "Other" => 1, _ => 0 }),
                },
                new
                {
                    municipality = "LV-REZ", serviceType = "day-care-centre",
                    byStatus = statuses.ToDictionary(s => s, s => s == "Submitted" ? 1 : 0),
                    total = 1, waitlisted = 0,
                    toDecision = new { count = 0, medianHours = (double?)null, p90Hours = (double?)null },
                    toPlacement = new { count = 0, medianHours = (double?)null, p90Hours = (double?)null },
                    declinesByReason = reasons.ToDictionary(r => r, _ => 0),
                },
            };
            return Results.Ok(new
            {
                from = request.Query["from"].FirstOrDefault() ?? "2025-11-24",
                to = request.Query["to"].FirstOrDefault() ?? "2026-11-23",
                municipalities = string.IsNullOrEmpty(municipality) ? new[] { "LV-DGV", "LV-REZ" } : [municipality],
                rows = rows.Where(r => string.IsNullOrEmpty(municipality) || r.municipality == municipality).ToArray(),
            });
        });
        api.MapPost("/referrals", async (HttpRequest request) =>
        {
            Submissions.Enqueue((await request.ReadFromJsonAsync<JsonObject>())!);
            return SubmissionErrors is { } errors
                ? Results.ValidationProblem(errors)
                : Results.Created($"/api/referrals/{ReferralId}", new { id = ReferralId, shortCode = "DGV-7K3P", status = "Submitted" });
        });
        api.MapGet("/referrals/{id:guid}", (Guid id) => id != ReferralId ? Results.NotFound() : Results.Ok(new
        {
            id, shortCode = "DGV-7K3P", disclosure = "Full", status = "Offered", municipality = "LV-DGV", serviceType = "home-care",
            clientGroup = "elderly", documents = new[] { "application" }, preferredProviderId = (string?)null,
            client = new { givenName = "Anna", familyName = "Bērziņa", personalCode = "310150-11012", dateOfBirth = "1950-01-31", gender = "female", address = (string?)null, declaredMunicipality = "LV-DGV" },
            family = new { phone = "+37120000001", preferredLanguage = "lv", smsConsent = true },
            consent = new { givenBy = "person", givenOn = "2026-06-30", purposes = new[] { "referral-processing" } },
            submittedAt = SubmittedAt, updatedAt = SubmittedAt,
            eligibility = new
            {
                outcome = "Eligible", ruleSetVersion = "2026.1",
                results = new[] { new { ruleId = "R01", verdict = "Passed", reasonLv = "Deklarētā dzīvesvieta atbilst.", reasonEn = "Declared residence matches." } },
            },
            currentOffer = new { offerId = OfferId, providerId = "org-dgv-seniori", providerName = "Daugavpils dienas aprūpes centrs senioriem", attempt = 1 },
            placement = (object?)null, waitlistPosition = (int?)null, outcome = (string?)null,
            timeline = new[]
            {
                new { at = SubmittedAt, @event = "ReferralSubmitted", status = "Submitted", actor = (string?)"demo-sw-daugavpils", detail = (string?)null },
                new { at = SubmittedAt.AddMinutes(1), @event = "PlacementOffered", status = "Offered", actor = (string?)null, detail = (string?)"Attempt 1" },
            },
        }));
        api.MapGet("/providers/referrals/{id:guid}", () => Results.NotFound());
        api.MapGet("/notifications", () => new[]
        {
            new
            {
                id = "sms-1", referralId = ReferralId, statusSequence = 1, status = "Submitted", language = "lv", to = "+371 2••• ••01",
                text = "Nosūtījums DGV-7K3P reģistrēts.", encoding = "Gsm7", segments = 1, state = "Delivered", createdAt = SubmittedAt,
                history = new[] { new { state = "Delivered", at = SubmittedAt } },
            },
        });
        api.MapPost("/referrals/{id:guid}/withdraw", async (Guid id, HttpRequest request) =>
        {
            Commands.Enqueue(($"/referrals/{id}/withdraw", (await request.ReadFromJsonAsync<JsonObject>())!));
            return Results.Ok(new { id });
        });
        api.MapGet("/providers/offers", () => new[]
        {
            new
            {
                offerId = OfferId, referralId = ReferralId, providerId = "org-dgv-seniori", providerName = "Daugavpils dienas aprūpes centrs senioriem",
                serviceId = "svc-dgv-seniori-home", serviceType = "home-care", attempt = 1, status = "Pending", offeredAt = SubmittedAt,
                decidedAt = (DateTimeOffset?)null, declineReason = (string?)null, declineText = (string?)null,
            },
        });
        api.MapPost("/providers/offers/{id:guid}/decline", async (Guid id, HttpRequest request) =>
        {
            Commands.Enqueue(($"/providers/offers/{id}/decline", (await request.ReadFromJsonAsync<JsonObject>())!));
            return Results.Ok(new { offerId = id });
        });
        MapProviderSide(api);
        api.MapPost("/eligibility/check", () => new
        {
            outcome = "NeedsInformation",
            ruleSetVersion = "2026.1",
            results = new[]
            {
                new { ruleId = "age-18", verdict = "Passed", reasonLv = "Klients ir pilngadīgs.", reasonEn = "The client is an adult." },
                new { ruleId = "gp-certificate", verdict = "MissingInformation", reasonLv = "Trūkst ģimenes ārsta izziņas.", reasonEn = "The GP certificate is missing." },
            },
        });
    }

    /// <summary>The provider's side: one offer (others are another provider's: 404), accepting it, its own services and their free places.</summary>
    private void MapProviderSide(RouteGroupBuilder api)
    {
        api.MapGet("/providers/offers/{id:guid}", (Guid id) => id != OfferId ? Results.NotFound() : Results.Ok(new
        {
            offerId = OfferId, referralId = ReferralId, providerId = "org-dgv-seniori", providerName = "Daugavpils dienas aprūpes centrs senioriem",
            serviceId = "svc-dgv-seniori-home", serviceType = "home-care", attempt = 1, status = "Pending", offeredAt = SubmittedAt,
            decidedAt = (DateTimeOffset?)null, declineReason = (string?)null, declineText = (string?)null,
        }));
        api.MapPost("/providers/offers/{id:guid}/accept", (Guid id) =>
        {
            Commands.Enqueue(($"/providers/offers/{id}/accept", new JsonObject()));
            return Results.Ok(new { offerId = id, status = "Accepted" });
        });
        api.MapGet("/providers/organizations/{id}", (string id) => id != "sd-daugavpils-valstspilseta" ? Results.NotFound() : Results.Ok(new
        {
            id = "7d0f5c1e-0000-4000-8000-000000000001", name = "Daugavpils pilsētas pašvaldības iestāde “Sociālais dienests”",
            email = "socd@socd.lv", website = "https://socd.lv/kontakti/", municipality = "LV-DGV", phones = new[] { new { id = "p1", number = "+37165423700", type = "voice" } },
        }));
        api.MapGet("/providers/own-services", () => new[]
        {
            new { serviceId = "svc-dgv-seniori-dac", serviceName = (string?)null, serviceType = "day-care-centre", clientGroups = new[] { "elderly" }, minAge = (int?)18, maxAge = (int?)null, maximum = 25, available = 3, updated = "2026-06-30T21:30:00.000Z" },
            new { serviceId = "svc-dgv-seniori-home", serviceName = (string?)null, serviceType = "home-care", clientGroups = new[] { "elderly", "physical-disability" }, minAge = (int?)18, maxAge = (int?)null, maximum = 40, available = 5, updated = "2026-06-30T21:30:00.000Z" },
        });
        api.MapPut("/providers/services/{id}/capacity", async (string id, HttpRequest request) =>
        {
            var body = (await request.ReadFromJsonAsync<JsonObject>())!;
            Commands.Enqueue(($"/providers/services/{id}/capacity", body));
            return Results.Ok(new { serviceId = id, available = body["available"]!.GetValue<int>(), maximum = 40, updated = "2026-07-01T08:00:00.000Z" });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
