using System.Net;
using System.Text.Json;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;
using Xunit;

namespace Referrals.Gateway.Tests;

/// <summary>The front door's limits: rate per user and per address, body size, security headers, CORS, HTTPS.</summary>
public sealed class EdgeProtectionTests(EchoBackend backend) : IClassFixture<EchoBackend>
{
    private const string Portal = "https://portal.referrals.example.lv";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_over_their_rate_gets_429_with_Retry_After_while_another_user_goes_on()
    {
        using var gateway = new GatewayFactory(backend, new Dictionary<string, string?>
        {
            ["Edge:UserRequestsPerSecond"] = "1",
            ["Edge:UserBurst"] = "3",
        });
        var daugavpils = gateway.CreateClient().As(DemoUsers.DaugavpilsSocialWorker);
        var rezekne = gateway.CreateClient().As(DemoUsers.RezekneSocialWorker);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await daugavpils.GetAsync("/api/referrals", Ct)).StatusCode);
        }

        var limited = await daugavpils.GetAsync("/api/referrals", Ct);
        var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await rezekne.GetAsync("/api/referrals", Ct)).StatusCode);
    }

    [Fact]
    public async Task Requests_from_one_address_are_limited_signed_in_or_not()
    {
        using var gateway = new GatewayFactory(backend, new Dictionary<string, string?>
        {
            ["Edge:AddressRequestsPerSecond"] = "1",
            ["Edge:AddressBurst"] = "2",
        });
        var anonymous = gateway.CreateClient();

        var first = await anonymous.GetAsync("/api/notifications/status/AbC123xyz", Ct);
        var second = await anonymous.GetAsync("/api/notifications/status/AbC123xyz", Ct);
        var third = await gateway.CreateClient().As(DemoUsers.Administrator).GetAsync("/api/providers/services", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.TooManyRequests)]
    [InlineData("198.51.100.0/24", HttpStatusCode.OK)]
    public async Task Forwarded_addresses_count_only_from_a_trusted_proxy(string? trustedProxies, HttpStatusCode third)
    {
        using var gateway = new GatewayFactory(backend, new Dictionary<string, string?>
        {
            ["Edge:AddressRequestsPerSecond"] = "1",
            ["Edge:AddressBurst"] = "2",
            ["Edge:TrustedProxies:0"] = trustedProxies,
        }, System.Net.IPAddress.Parse("198.51.100.7"));
        var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/status/AbC123xyz");
            request.Headers.Add("X-Forwarded-For", claimed);
            statuses.Add((await client.SendAsync(request, Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, third], statuses);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_reaches_a_service()
    {
        using var gateway = new GatewayFactory(backend, new Dictionary<string, string?> { ["Edge:MaxRequestBodyBytes"] = "4096" });
        var client = gateway.CreateClient().As(DemoUsers.DaugavpilsSocialWorker);
        var before = backend.Requests;

        var small = await client.PostAsync("/api/referrals", new StringContent("{\"a\":1}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var afterSmall = backend.Requests;
        var large = await client.PostAsync("/api/referrals",
            new StringContent("{\"a\":\"" + new string('x', 8192) + "\"}", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(before + 1, afterSmall);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(afterSmall, backend.Requests);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_API_answers_are_not_stored()
    {
        using var gateway = new GatewayFactory(backend);

        var api = await gateway.CreateClient().As(DemoUsers.DaugavpilsSocialWorker).GetAsync("/api/referrals", Ct);
        var refused = await gateway.CreateClient().GetAsync("/api/referrals", Ct);
        var health = await gateway.CreateClient().GetAsync("/health/live", Ct);

        foreach (var response in new[] { api, refused, health })
        {
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        }

        Assert.Equal("no-store", Header(api, "Cache-Control"));
        Assert.Equal("no-store", Header(refused, "Cache-Control"));
    }

    [Fact]
    public async Task Forms_may_lead_only_here_and_with_an_identity_provider_to_it_for_the_portals_sign_out()
    {
        using var development = new GatewayFactory(backend);
        using var external = new GatewayFactory(backend, new Dictionary<string, string?>
        {
            ["Identity:Mode"] = "OpenIdConnect",
            ["Identity:Authority"] = "https://id.example.lv/realms/referrals",
        });

        var local = await development.CreateClient().GetAsync("/health/live", Ct);
        var withProvider = await external.CreateClient().GetAsync("/health/live", Ct);

        Assert.Contains("form-action 'self';", Header(local, "Content-Security-Policy"), StringComparison.Ordinal);
        // The portal's sign-out posts a form that ends at the provider's end_session_endpoint: only that origin is added.
        Assert.Contains("form-action 'self' https://id.example.lv;", Header(withProvider, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_portal_origin_gets_CORS_permission()
    {
        using var gateway = new GatewayFactory(backend, new Dictionary<string, string?> { ["Edge:PortalOrigins:0"] = Portal });
        var client = gateway.CreateClient();

        var portal = await client.SendAsync(Preflight(Portal), Ct);
        var stranger = await client.SendAsync(Preflight("https://evil.example.com"), Ct);

        Assert.Equal(Portal, Header(portal, "Access-Control-Allow-Origin"));
        Assert.Contains("authorization", Header(portal, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Null(Header(stranger, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task With_HTTPS_required_plain_HTTP_is_redirected_except_health_probes_and_HTTPS_answers_carry_HSTS()
    {
        using var gateway = new GatewayFactory(backend, new Dictionary<string, string?>
        {
            ["Edge:RequireHttps"] = "true",
            ["https_port"] = "443",
        });
        gateway.ClientOptions.AllowAutoRedirect = false;
        var plain = gateway.CreateClient();
        gateway.ClientOptions.BaseAddress = new Uri("https://referrals.example.lv");
        var secure = gateway.CreateClient();

        var redirected = await plain.GetAsync("/api/referrals", Ct);
        var probe = await plain.GetAsync("/health/ready", Ct);
        var answered = await secure.GetAsync("/health/live", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal("https", redirected.Headers.Location!.Scheme);
        Assert.StartsWith("max-age=31536000", Header(answered, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/referrals");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
