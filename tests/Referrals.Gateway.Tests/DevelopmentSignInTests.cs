using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Referrals.ServiceDefaults.Security;
using Xunit;

namespace Referrals.Gateway.Tests;

/// <summary>The built-in sign-in: present in development mode, absent with an external identity provider.</summary>
public sealed class DevelopmentSignInTests(EchoBackend backend) : IClassFixture<EchoBackend>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_users_are_listed_one_per_role_with_their_tenants()
    {
        using var gateway = new GatewayFactory(backend);

        var users = await gateway.CreateClient().GetFromJsonAsync<List<DemoUserView>>("/auth/dev/users", Ct) ?? [];

        Assert.Equal(
            ["demo-sw-daugavpils", "demo-sw-rezekne", "demo-ps-dgv-seniori", "demo-ps-rez-sac", "demo-ps-rzn-majas", "demo-co-latgale", "demo-admin"],
            users.Select(u => u.Id));
        Assert.Equal(Roles.All.Order(), users.Select(u => u.Role).Distinct().Order());
        Assert.Equal("LV-REZ", users.Single(u => u.Id == "demo-sw-rezekne").Municipality);
        Assert.Equal("org-rez-sac", users.Single(u => u.Id == "demo-ps-rez-sac").ProviderId);
        Assert.Equal("Latgale", users.Single(u => u.Id == "demo-co-latgale").Region);
    }

    [Fact]
    public async Task A_demo_user_gets_a_token_that_the_gateway_accepts_with_their_claims()
    {
        using var gateway = new GatewayFactory(backend);
        var client = gateway.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/dev/token", new { userId = "demo-ps-dgv-seniori" }, Ct);
        var token = await response.Content.ReadFromJsonAsync<DevelopmentToken>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", token!.TokenType);
        Assert.Equal(8 * 3600, token.ExpiresIn);
        var payload = JsonDocument.Parse(Base64Url(token.AccessToken.Split('.')[1])).RootElement;
        Assert.Equal("demo-ps-dgv-seniori", payload.GetProperty("sub").GetString());
        Assert.Equal("provider-staff", payload.GetProperty("role").GetString());
        Assert.Equal("org-dgv-seniori", payload.GetProperty("provider").GetString());
        Assert.False(payload.TryGetProperty("municipality", out _));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/providers/offers", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_gets_a_problem_naming_the_field()
    {
        using var gateway = new GatewayFactory(backend);

        var response = await gateway.CreateClient().PostAsJsonAsync("/auth/dev/token", new { userId = "root" }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userId", out _));
    }

    [Fact]
    public async Task A_body_labelled_with_another_charset_is_read_as_the_UTF_8_JSON_is_and_never_fails()
    {
        using var gateway = new GatewayFactory(backend);
        using var content = new StringContent("{\"userId\":\"demo-admin\"}");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=ebcdic");

        var response = await gateway.CreateClient().PostAsync("/auth/dev/token", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json", "{\"userId\":")]
    [InlineData("application/json", "[1,2,3]")]
    public async Task A_malformed_body_gets_a_problem_and_no_token(string contentType, string body)
    {
        using var gateway = new GatewayFactory(backend);
        using var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await gateway.CreateClient().PostAsync("/auth/dev/token", content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, $"{response.StatusCode}: {text}");
        Assert.DoesNotContain("accessToken", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_external_identity_provider_the_built_in_sign_in_does_not_exist()
    {
        using var gateway = new GatewayFactory(backend, new Dictionary<string, string?>
        {
            ["Identity:Mode"] = "OpenIdConnect",
            ["Identity:Authority"] = "https://id.example.lv/realms/referrals",
        });
        var client = gateway.CreateClient();

        // No such endpoints at the gateway: the paths fall through to the portal (here the echo backend), which issues nothing.
        var users = await client.GetFromJsonAsync<EchoAnswer>("/auth/dev/users", Ct);
        var token = await client.PostAsJsonAsync("/auth/dev/token", new { userId = "demo-admin" }, Ct);

        Assert.Equal("/auth/dev/users", users!.Path);
        Assert.Equal("/auth/dev/token", (await token.Content.ReadFromJsonAsync<EchoAnswer>(Ct))!.Path);
    }

    private static byte[] Base64Url(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
