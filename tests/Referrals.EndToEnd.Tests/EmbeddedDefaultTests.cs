using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;
using Xunit;

namespace Referrals.EndToEnd.Tests;

/// <summary>
/// What a newcomer gets from the README's run command: the embedded default as a real process, with the demo directory,
/// takes a referral from submission to an accepted placement with the SMS visible. (How fast is a benchmark's business.)
/// </summary>
public sealed class EmbeddedDefaultTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private ServiceProcess _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = new ServiceProcess("Standalone", RepositoryLayout.Assembly("gateway/Referrals.Standalone", "Referrals.Standalone"),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__IntakeStore"] = _data.SqliteConnectionString("intake"),
                ["ConnectionStrings__EligibilityStore"] = _data.SqliteConnectionString("eligibility"),
                ["ConnectionStrings__ProviderDirectoryStore"] = _data.SqliteConnectionString("providerdirectory"),
                ["ConnectionStrings__NotificationStore"] = _data.SqliteConnectionString("notification"),
            });
        _host.Start();
        await _host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_newcomer_places_a_referral_from_the_demo_directory()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        var client = new ReferralsClient(http);

        var organisations = await http.GetFromJsonAsync<JsonArray>("/api/providers/admin/organizations", TestContext.Current.CancellationToken);
        // Home care for an elderly client: a service the demo directory offers with free places.
        var homeCare = organisations!.OfType<JsonObject>()
            .First(o => o["services"]!.AsArray().Any(s => s!["serviceType"]!.GetValue<string>() == "home-care" && s["available"]!.GetValue<int>() > 0));

        var id = await client.SubmitAsync(homeCare["municipality"]!.GetValue<string>(), "home-care", "elderly", "1950-01-31", "310150-11012");
        await client.WaitForStatusAsync(id, "Offered");
        var offerId = await client.WaitForPendingOfferAsync(id, providerId: null);
        using var accepted = await client.AcceptAsync(offerId);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await client.WaitForStatusAsync(id, "Placed");
        var sms = await client.WaitForSmsAsync(id, "Submitted", "Placed");

        Assert.Equal(["Submitted", "Placed"], sms.Select(m => m!["status"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
