using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;
using Xunit;

namespace Referrals.EndToEnd.Tests;

/// <summary>
/// What a newcomer gets from the README's run command: the embedded default as a real process, with the demo directory,
/// takes a referral from submission to an accepted placement with the SMS visible, each step as the user who may take
/// it. The host turns the built-in sign-in on by itself. (How fast is a benchmark's business.)
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

        var organisations = await client.GetAsync<JsonArray>("/api/providers/admin/organizations", ReferralsClient.Administrator);
        // Home care for an elderly client: a service the demo directory offers with free places.
        static bool HomeCare(JsonObject o) =>
            o["services"]!.AsArray().Any(s => s!["serviceType"]!.GetValue<string>() == "home-care" && s["available"]!.GetValue<int>() > 0);
        var homeCare = organisations!.OfType<JsonObject>().First(HomeCare);
        var municipality = homeCare["municipality"]!.GetValue<string>();
        // Whoever of them gets the offer answers it, as its own staff.
        var candidates = organisations!.OfType<JsonObject>().Where(HomeCare).Select(o => o["id"]!.GetValue<string>()).ToList();

        var id = await client.SubmitAsync(municipality, "home-care", "elderly", "1950-01-31", "310150-11012");
        await client.WaitForStatusAsync(id, "Offered");
        var (offerId, providerId) = await client.WaitForPendingOfferAsync(id, candidates);
        using var accepted = await client.AcceptAsync(offerId, providerId);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await client.WaitForStatusAsync(id, "Placed");
        var sms = await client.WaitForSmsAsync(id, "Submitted", "Placed");

        Assert.Equal(["Submitted", "Placed"], sms.Select(m => m!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_embedded_host_signs_demo_users_in_and_refuses_calls_without_a_token()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };

        using var anonymous = await http.GetAsync(new Uri("/api/referrals", UriKind.Relative), TestContext.Current.CancellationToken);
        using var signIn = await http.PostAsJsonAsync("/auth/dev/token", new { userId = "demo-sw-daugavpils" }, TestContext.Current.CancellationToken);
        var token = (await signIn.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["accessToken"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/referrals", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var signedIn = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
