using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;
using Xunit;

namespace Referrals.Gateway.Tests;

/// <summary>The gateway lets through only requests with a valid token, except the family's status page.</summary>
public sealed class IdentityTests(EchoBackend backend) : IClassFixture<EchoBackend>, IDisposable
{
    private readonly GatewayFactory _gateway = new(backend);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/referrals")]
    [InlineData("/api/referrals/6f1b7f0e-8f7e-4a55-9d43-3f3f3c7f0a11")]
    [InlineData("/api/eligibility/rules")]
    [InlineData("/api/providers/services")]
    [InlineData("/api/notifications?referralId=6f1b7f0e-8f7e-4a55-9d43-3f3f3c7f0a11")]
    public async Task Without_a_token_nothing_reaches_a_service(string path)
    {
        var before = backend.Requests;

        var response = await _gateway.CreateClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, backend.Requests);
    }

    [Fact]
    public async Task A_valid_token_is_passed_on_to_the_service_which_checks_it_again()
    {
        var token = TestTokens.For(DemoUsers.DaugavpilsSocialWorker);
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var echo = await client.GetFromJsonAsync<EchoAnswer>("/api/referrals", Ct);

        Assert.Equal("/api/referrals", echo!.Path);
        Assert.Equal($"Bearer {token}", echo.Authorization);
    }

    [Fact]
    public async Task The_family_status_page_behind_the_SMS_link_needs_no_token()
    {
        var echo = await _gateway.CreateClient().GetFromJsonAsync<EchoAnswer>("/api/notifications/status/AbC123xyz", Ct);

        Assert.Equal("/api/notifications/status/AbC123xyz", echo!.Path);
        Assert.Equal("", echo.Authorization);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokens.Issuer,
            Audience = "referrals",
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = DevelopmentTokens.Claims(DemoUsers.Administrator).ToDictionary(),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(forged));
    }

    [Fact]
    public async Task An_expired_token_or_one_for_another_audience_is_refused()
    {
        var identity = new IdentityOptions { Mode = IdentityMode.Development };
        var expired = DevelopmentTokens.Create(identity, DemoUsers.DaugavpilsSocialWorker, DateTimeOffset.UtcNow.AddHours(-9));
        var otherAudience = DevelopmentTokens.Create(
            new IdentityOptions { Mode = IdentityMode.Development, Audience = "someone-else" },
            DemoUsers.DaugavpilsSocialWorker, DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(expired));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithTokenAsync(otherAudience));
    }

    [Fact]
    public async Task In_OpenIdConnect_mode_an_authority_is_required_to_start()
    {
        var failure = await StartupFailure.CaptureAsync(
            new Dictionary<string, string?> { ["Identity:Mode"] = "OpenIdConnect", ["Identity:Authority"] = "" },
            builder => Referrals.ServiceDefaults.ServiceDefaultsExtensions.AddServiceDefaults(builder));

        Assert.NotNull(failure);
        Assert.Contains("Identity:Authority is required", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _gateway.Dispose();

    private async Task<HttpStatusCode> StatusWithTokenAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/referrals");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await _gateway.CreateClient().SendAsync(request, Ct)).StatusCode;
    }
}
