using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Testing;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Api;

/// <summary>The directory in-process: SQLite in a temp folder, in-memory bus, no demo seed (organisations come through the API).</summary>
public sealed class DirectoryApp : WebApplicationFactory<Program>
{
    private readonly TempDirectory _temp = new();
    private readonly bool _seed;

    public DirectoryApp(bool seed = false) => _seed = seed;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The SQLite file the directory stores everything in.</summary>
    public string StoreConnectionString => _temp.SqliteConnectionString("directory");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:ProviderDirectoryStore", StoreConnectionString);
        builder.UseSetting("Messaging:Transport", "InMemory");
        builder.UseSetting("ProviderDirectory:SeedDemoDirectory", _seed ? "true" : "false");
    }

    public async Task<HttpResponseMessage> PostOrganisationAsync(HttpClient client, string id, string municipality, params object[] services)
    {
        var response = await client.PostAsJsonAsync("/api/providers/organizations", new
        {
            id,
            name = $"Organizācija {id}",
            phone = "+37165400000",
            email = (string?)null,
            municipality,
            services,
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return response;
    }

    public static object Service(string id, int available, int maximum = 20, string type = "day-care-centre") => new
    {
        id,
        serviceType = type,
        clientGroups = new[] { "elderly" },
        minAge = 18,
        maxAge = (int?)null,
        gender = (string?)null,
        maximum,
        available,
    };

    /// <summary>What Intake and Eligibility would publish for an eligible elderly client declared in <paramref name="declared"/>.</summary>
    public async Task<Guid> SubmitEligibleAsync(string declared = "LV-DGV", string? preferredProviderId = null)
    {
        var referral = Guid.NewGuid();
        var bus = Services.GetRequiredService<IBus>();
        await bus.Publish(new ReferralSubmitted(
            Guid.NewGuid(), referral, DateTimeOffset.UtcNow, "sw-daugavpils-1", "R-TEST01", declared, declared, "day-care-centre",
            "elderly", new DateOnly(1948, 3, 14), "male", ["application"], preferredProviderId, null), Ct);
        await bus.Publish(new EligibilityAssessed(Guid.NewGuid(), referral, DateTimeOffset.UtcNow, EligibilityOutcome.Eligible, "2026.1", []), Ct);
        return referral;
    }

    public Task PublishAsync<T>(T message)
        where T : class => Services.GetRequiredService<IBus>().Publish(message, Ct);

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return default;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, Ct);
    }

    public static async Task<JsonElement> RequestAsync(HttpClient client, Guid referral, Func<JsonElement, bool> done, string what)
    {
        var found = await Eventually.GetAsync<JsonElement?>(
            async () =>
            {
                var json = await GetJsonAsync(client, $"/api/providers/referrals/{referral}");
                return json.ValueKind == JsonValueKind.Undefined ? null : json;
            },
            e => done(e!.Value),
            what);
        return found!.Value;
    }

    public static Task<JsonElement> RequestInStatusAsync(HttpClient client, Guid referral, string status, int attempt = 0) =>
        RequestAsync(client, referral,
            r => r.GetProperty("status").GetString() == status && (attempt == 0 || r.GetProperty("attempt").GetInt32() == attempt),
            $"referral {referral} to be {status}");

    /// <summary>The referral's current offer, once the offers read model shows it pending.</summary>
    public static async Task<JsonElement> PendingOfferAsync(HttpClient client, Guid referral, int attempt = 1)
    {
        var request = await RequestInStatusAsync(client, referral, "Offered", attempt);
        var offerId = request.GetProperty("currentOfferId").GetString();
        var offer = await Eventually.GetAsync<JsonElement?>(
            async () =>
            {
                var found = await GetJsonAsync(client, $"/api/providers/offers/{offerId}");
                return found.ValueKind == JsonValueKind.Undefined ? null : found;
            },
            o => o!.Value.GetProperty("status").GetString() == "Pending",
            $"offer {offerId} in the read model");
        return offer!.Value;
    }

    public static async Task<JsonElement> ServiceAsync(HttpClient client, string organisation, string service)
    {
        var org = await GetJsonAsync(client, $"/api/providers/admin/organizations/{organisation}");
        return org.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("id").GetString() == service);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _temp.Dispose();
        }
    }
}
