using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Referrals.EndToEnd.Tests;

/// <summary>
/// Signing in the real way, as the portal of a development run does: the demo users and a token from the gateway's
/// built-in sign-in, then that token (and nothing else) decides who the caller is and which municipality they serve.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class SignInThroughTheGatewayTests(DistributedSystem system)
{
    private HttpClient Gateway
    {
        get
        {
            system.SkipWhenUnavailable();
            return system.Gateway;
        }
    }

    private async Task<string> SignInAsync(string userId)
    {
        using var response = await Gateway.PostAsJsonAsync("/auth/dev/token", new { userId }, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign in as {userId}: {(int)response.StatusCode} {text}");
        var answer = JsonNode.Parse(text)!;
        Assert.Equal("Bearer", answer["tokenType"]!.GetValue<string>());
        Assert.Equal(28800, answer["expiresIn"]!.GetValue<int>());
        Assert.Equal(userId, answer["user"]!["id"]!.GetValue<string>());
        return answer["accessToken"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Gateway.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_demo_users_are_listed_without_a_token()
    {
        var users = await Gateway.GetFromJsonAsync<JsonArray>("/auth/dev/users", TestContext.Current.CancellationToken);

        var byId = users!.OfType<JsonObject>().ToDictionary(u => u["id"]!.GetValue<string>());
        Assert.Equal(
            ["demo-admin", "demo-co-latgale", "demo-ps-dgv-seniori", "demo-ps-rez-sac", "demo-ps-rzn-majas", "demo-sw-daugavpils", "demo-sw-rezekne"],
            byId.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("LV-DGV", byId["demo-sw-daugavpils"]["municipality"]!.GetValue<string>());
        Assert.Equal("LV-REZ", byId["demo-sw-rezekne"]["municipality"]!.GetValue<string>());
        Assert.Equal("org-dgv-seniori", byId["demo-ps-dgv-seniori"]["providerId"]!.GetValue<string>());
        Assert.Equal("Latgale", byId["demo-co-latgale"]["region"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_user_gets_no_token()
    {
        using var response = await Gateway.PostAsJsonAsync("/auth/dev/token", new { userId = "demo-nobody" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_social_worker_works_in_her_municipality_and_no_other()
    {
        var daugavpils = await SignInAsync("demo-sw-daugavpils");
        var rezekne = await SignInAsync("demo-sw-rezekne");
        var body = ReferralsClient.SubmissionBody("LV-DGV", "day-care-centre", "elderly", "1948-05-20", "200548-10016");

        using (var anonymous = await SendAsync(HttpMethod.Post, "/api/referrals", null, body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var forged = await SendAsync(HttpMethod.Post, "/api/referrals", daugavpils[..^4] + "AAAA", body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var foreign = await SendAsync(HttpMethod.Post, "/api/referrals", rezekne, body))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        }

        using var submitted = await SendAsync(HttpMethod.Post, "/api/referrals", daugavpils, body);
        var created = await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, $"submit: {(int)submitted.StatusCode} {created}");
        var id = JsonNode.Parse(created)!["id"]!.GetValue<string>();

        using var own = await SendAsync(HttpMethod.Get, $"/api/referrals/{id}", daugavpils);
        var referral = JsonNode.Parse(await own.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        // The actor is the token's subject: no header can claim to be someone else any more.
        Assert.Equal("demo-sw-daugavpils", referral["timeline"]![0]!["actor"]!.GetValue<string>());

        using var other = await SendAsync(HttpMethod.Get, $"/api/referrals/{id}", rezekne);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var otherWithdraws = await SendAsync(HttpMethod.Post, $"/api/referrals/{id}/withdraw", rezekne, new { reason = "Nepareizs novads" });
        Assert.Equal(HttpStatusCode.NotFound, otherWithdraws.StatusCode);
        using var list = await SendAsync(HttpMethod.Get, "/api/referrals", rezekne);
        Assert.DoesNotContain(id, await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);

        using var after = await SendAsync(HttpMethod.Get, $"/api/referrals/{id}", daugavpils);
        var status = JsonNode.Parse(await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["status"]!.GetValue<string>();
        Assert.NotEqual("Withdrawn", status);
    }
}
