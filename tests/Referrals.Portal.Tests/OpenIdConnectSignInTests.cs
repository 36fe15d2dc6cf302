using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Referrals.Portal.Localisation;
using Referrals.Portal.Security;
using Referrals.Portal.Tests.Fakes;
using Referrals.Portal.Tests.Hosting;
using Referrals.ServiceDefaults;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Tests;

/// <summary>
/// Sign-in with the municipality's identity provider (Identity:Mode=OpenIdConnect): the whole redirect dance walked
/// step by step, as a browser would, against an in-test provider, and what is refused on the way.
/// </summary>
public sealed partial class OpenIdConnectSignInTests(PortalOnIdentityProvider portal) : IClassFixture<PortalOnIdentityProvider>
{
    private static readonly Dictionary<string, object> SocialWorker = new()
    {
        ["sub"] = "kc-7f3a", ["name"] = "Ilze Kalniņa", ["preferred_username"] = "ilze",
        [PortalOnIdentityProvider.RoleClaim] = new[] { "offline_access", Roles.SocialWorker }, ["municipality"] = "LV-DGV",
    };

    [Fact]
    public async Task The_sign_in_page_offers_only_the_identity_providers_button_in_each_language()
    {
        using var client = portal.Client();

        var latvian = await client.GetAsync("/sign-in");
        client.Cookies.Add(portal.BaseAddress, new Cookie(PortalCulture.CookieName, "en"));
        var english = await client.GetAsync("/sign-in");
        client.Cookies.Add(portal.BaseAddress, new Cookie(PortalCulture.CookieName, "ru"));
        var russian = await client.GetAsync("/sign-in");

        Assert.Equal(HttpStatusCode.OK, latvian.Status);
        Assert.Single(ProviderLink().Matches(latvian.Html));
        Assert.Contains(">Pieslēgties ar Keycloak</a>", latvian.Html, StringComparison.Ordinal);
        Assert.Contains(">Sign in with Keycloak</a>", english.Html, StringComparison.Ordinal);
        Assert.Contains(">Войти через Keycloak</a>", russian.Html, StringComparison.Ordinal);
        foreach (var page in new[] { latvian, english, russian })
        {
            Assert.DoesNotContain("demo-sw-", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("user-choice", page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_social_worker_signs_in_with_code_and_PKCE_and_the_pages_call_the_APIs_with_the_providers_access_token()
    {
        portal.Provider.NextUser = SocialWorker;
        using var client = portal.Client();

        var signedIn = await SignInAsync(client, "/referrals?status=Offered");
        var list = await client.GetAsync("/referrals");

        var authorize = portal.Provider.AuthorizeRequests.Last();
        Assert.Equal("code", authorize["response_type"]);
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.Equal(new Uri(portal.BaseAddress, "/signin-oidc").ToString(), authorize["redirect_uri"]);
        Assert.Contains("openid", authorize["scope"].Split(' '));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/referrals?status=Offered", signedIn.Location);
        var cookie = Assert.Single(signedIn.SetCookies, c => c.StartsWith(PortalAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var accessToken = portal.Provider.AccessTokensIssued.Last();
        var ticket = portal.Ticket(client);
        Assert.NotNull(ticket);
        var user = ticket.Principal;
        Assert.Equal("kc-7f3a", user.FindFirst(ReferralsClaims.Subject)?.Value);
        Assert.Equal("Ilze Kalniņa", user.Identity?.Name);
        // Mapped from Identity:RoleClaim ("roles", a list) onto the claim the portal and the APIs read.
        Assert.Equal(Roles.SocialWorker, Assert.Single(user.FindAll(ReferralsClaims.Role)).Value);
        Assert.Equal("LV-DGV", user.FindFirst(ReferralsClaims.Municipality)?.Value);
        Assert.Equal(PortalAuthentication.Scheme, user.Identity?.AuthenticationType);
        Assert.Equal(accessToken, ticket.Properties.GetTokenValue(PortalAuthentication.AccessToken));
        // No refresh token from the provider: the cookie ends with the access token.
        Assert.Null(ticket.Properties.GetTokenValue("refresh_token"));
        Assert.Equal(new JsonWebToken(accessToken).ValidTo, ticket.Properties.ExpiresUtc!.Value.UtcDateTime, TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("DGV-7K3P", list.Html, StringComparison.Ordinal);
        Assert.Contains("Ilze Kalniņa", list.Html, StringComparison.Ordinal);
        Assert.Contains(accessToken, portal.Api.TokensAccepted);
    }

    [Theory]
    [InlineData(Roles.ProviderStaff, "provider", "org-dgv-seniori", "/offers")]
    [InlineData(Roles.Coordinator, "region", "Latgale", "/directory")]
    public async Task Each_role_keeps_its_tenant_and_starts_at_its_own_page(string role, string tenantClaim, string tenant, string start)
    {
        portal.Provider.NextUser = new Dictionary<string, object>
        {
            ["sub"] = "kc-" + role, ["name"] = "Marija Petrova", [PortalOnIdentityProvider.RoleClaim] = new[] { role }, [tenantClaim] = tenant,
        };
        using var client = portal.Client();

        await SignInAsync(client, "/");
        var home = await client.GetAsync("/");

        var user = portal.Ticket(client)!.Principal;
        Assert.Equal(role, user.FindFirst(ReferralsClaims.Role)?.Value);
        Assert.Equal(tenant, user.FindFirst(tenantClaim)?.Value);
        Assert.Null(user.FindFirst(ReferralsClaims.Municipality));
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.Equal(start, home.Location);
    }

    [Fact]
    public async Task A_forged_state_does_not_sign_in()
    {
        portal.Provider.NextUser = SocialWorker;
        using var client = portal.Client();

        var callback = await StartAsync(client);
        var forged = Regex.Replace(callback.ToString(), "state=[^&]+", "state=" + Uri.EscapeDataString("CfDJ8forged-state-value"));
        var answer = await FollowAsync(client, forged);

        await AssertRefusedAsync(client, answer);
    }

    [Fact]
    public async Task A_code_the_provider_did_not_issue_does_not_sign_in()
    {
        portal.Provider.NextUser = SocialWorker;
        using var client = portal.Client();

        var callback = await StartAsync(client);
        var tampered = Regex.Replace(callback.ToString(), "code=[^&]+", "code=made-up-code");
        var refusals = portal.Provider.TokenRefusals.Count;
        var answer = await FollowAsync(client, tampered);

        await AssertRefusedAsync(client, answer);
        Assert.Equal("unknown code", portal.Provider.TokenRefusals.Skip(refusals).Single());
    }

    [Fact]
    public async Task A_code_taken_from_another_browser_is_useless_without_that_browsers_PKCE_verifier()
    {
        portal.Provider.NextUser = SocialWorker;
        using var victim = portal.Client();
        using var attacker = portal.Client();

        var victimCallback = await StartAsync(victim);
        var attackerCallback = await StartAsync(attacker);
        // The attacker's browser, with its own valid state (and correlation cookie), presents the victim's code.
        var stolen = Regex.Replace(attackerCallback.ToString(), "code=[^&]+", Regex.Match(victimCallback.ToString(), "code=[^&]+").Value);
        var refusals = portal.Provider.TokenRefusals.Count;
        var answer = await FollowAsync(attacker, stolen);

        await AssertRefusedAsync(attacker, answer);
        Assert.Equal("pkce", portal.Provider.TokenRefusals.Skip(refusals).Single());
    }

    [Fact]
    public async Task An_id_token_with_another_nonce_does_not_sign_in()
    {
        portal.Provider.NextUser = SocialWorker;
        portal.Provider.WrongNonce = true;
        try
        {
            using var client = portal.Client();

            var answer = await FollowAsync(client, (await StartAsync(client)).ToString());

            await AssertRefusedAsync(client, answer);
        }
        finally
        {
            portal.Provider.WrongNonce = false;
        }
    }

    [Fact]
    public async Task An_access_token_the_APIs_would_refuse_does_not_sign_in()
    {
        portal.Provider.NextUser = SocialWorker;
        portal.Provider.AccessTokenAudience = "another-application";
        try
        {
            using var client = portal.Client();

            var answer = await FollowAsync(client, (await StartAsync(client)).ToString());

            await AssertRefusedAsync(client, answer);
        }
        finally
        {
            portal.Provider.AccessTokenAudience = FakeIdentityProvider.Audience;
        }
    }

    [Fact]
    public async Task Someone_the_provider_knows_but_without_a_platform_role_gets_the_forbidden_page()
    {
        portal.Provider.NextUser = new Dictionary<string, object>
        {
            ["sub"] = "kc-visitor", ["name"] = "Viesis", [PortalOnIdentityProvider.RoleClaim] = new[] { "offline_access", "uma_authorization" },
        };
        using var client = portal.Client();

        var answer = await SignInAsync(client, "/referrals");
        var forbidden = await client.GetAsync(answer.Location!);

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/forbidden", answer.Location);
        Assert.DoesNotContain(answer.SetCookies, c => c.StartsWith(PortalAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Null(portal.Ticket(client));
        Assert.Equal(HttpStatusCode.OK, forbidden.Status);
        Assert.Contains("<h1>Piekļuve liegta</h1>", forbidden.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_access_token_has_expired_the_user_is_sent_to_sign_in_again()
    {
        portal.Provider.NextUser = SocialWorker;
        // Already past, though still within the clock skew the sign-in allows: the cookie is born expired.
        portal.Provider.AccessTokenLifetime = TimeSpan.FromSeconds(-10);
        try
        {
            using var client = portal.Client();
            await SignInAsync(client, "/referrals");

            var page = await client.GetAsync("/referrals");

            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Contains("/sign-in?returnUrl=%2Freferrals", page.Location, StringComparison.Ordinal);
        }
        finally
        {
            portal.Provider.AccessTokenLifetime = TimeSpan.FromMinutes(5);
        }
    }

    [Fact]
    public async Task With_a_refresh_token_an_expiring_access_token_is_renewed_without_the_user_noticing()
    {
        portal.Provider.NextUser = SocialWorker;
        portal.Provider.IssueRefreshTokens = true;
        portal.Provider.AccessTokenLifetime = TimeSpan.FromSeconds(-10);
        try
        {
            using var client = portal.Client();
            await SignInAsync(client, "/referrals");
            var first = portal.Ticket(client)!;
            var firstRefresh = first.Properties.GetTokenValue("refresh_token");
            portal.Provider.AccessTokenLifetime = TimeSpan.FromMinutes(5);

            var page = await client.GetAsync("/referrals");

            Assert.NotNull(firstRefresh);
            // The provider's session length (refresh_expires_in), not the access token's, bounds the cookie.
            Assert.Equal(DateTimeOffset.UtcNow.AddSeconds(1800), first.Properties.ExpiresUtc!.Value, TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("DGV-7K3P", page.Html, StringComparison.Ordinal);
            Assert.Equal(firstRefresh, portal.Provider.RefreshTokensRedeemed.Last());
            var renewed = portal.Provider.AccessTokensIssued.Last();
            Assert.Equal(renewed, portal.Api.TokensAccepted.Last());
            Assert.Contains(page.SetCookies, c => c.StartsWith(PortalAuthentication.CookieName + "=", StringComparison.Ordinal));
            var second = portal.Ticket(client)!;
            Assert.Equal(renewed, second.Properties.GetTokenValue(PortalAuthentication.AccessToken));
            Assert.NotEqual(firstRefresh, second.Properties.GetTokenValue("refresh_token"));
            Assert.Equal(Roles.SocialWorker, second.Principal.FindFirst(ReferralsClaims.Role)?.Value);
            Assert.Equal("LV-DGV", second.Principal.FindFirst(ReferralsClaims.Municipality)?.Value);
            // The sign-out hint survives a refresh that brings no new id token.
            Assert.Equal(portal.Provider.IdTokensIssued.Last(), second.Properties.GetTokenValue(PortalOpenIdConnect.IdToken));
        }
        finally
        {
            portal.Provider.IssueRefreshTokens = false;
            portal.Provider.AccessTokenLifetime = TimeSpan.FromMinutes(5);
        }
    }

    [Fact]
    public async Task When_the_provider_refuses_the_refresh_the_user_is_sent_to_sign_in_again()
    {
        portal.Provider.NextUser = SocialWorker;
        portal.Provider.IssueRefreshTokens = true;
        portal.Provider.AccessTokenLifetime = TimeSpan.FromSeconds(-10);
        try
        {
            using var client = portal.Client();
            await SignInAsync(client, "/referrals");
            portal.Provider.RevokeRefreshTokens();
            var refused = portal.Api.Refused;

            var page = await client.GetAsync("/referrals");

            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Contains("/sign-in?returnUrl=%2Freferrals", page.Location, StringComparison.Ordinal);
            Assert.Contains(page.SetCookies, c => c.StartsWith(PortalAuthentication.CookieName + "=;", StringComparison.Ordinal));
            Assert.Null(portal.Ticket(client));
            // The expired token was never sent to the APIs.
            Assert.Equal(refused, portal.Api.Refused);
        }
        finally
        {
            portal.Provider.IssueRefreshTokens = false;
            portal.Provider.AccessTokenLifetime = TimeSpan.FromMinutes(5);
        }
    }

    [Fact]
    public async Task Signing_out_removes_the_cookie_and_ends_the_session_at_the_providers_end_session_endpoint()
    {
        portal.Provider.NextUser = SocialWorker;
        using var client = portal.Client();
        await SignInAsync(client, "/referrals");
        var idToken = portal.Provider.IdTokensIssued.Last();

        var signedOut = await client.SubmitAsync("/referrals", "/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.StartsWith(portal.Provider.Issuer + "/logout?", signedOut.Location, StringComparison.Ordinal);
        Assert.Contains(signedOut.SetCookies, c => c.StartsWith(PortalAuthentication.CookieName + "=;", StringComparison.Ordinal));
        Assert.Null(portal.Ticket(client));

        var atProvider = await FollowAsync(client, signedOut.Location!);
        var logout = portal.Provider.LogoutRequests.Last();
        Assert.Equal(idToken, logout["id_token_hint"]);
        Assert.Equal(new Uri(portal.BaseAddress, "/signout-callback-oidc").ToString(), logout["post_logout_redirect_uri"]);
        var back = await FollowAsync(client, atProvider.Location!);
        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        Assert.EndsWith("/sign-in", back.Location, StringComparison.Ordinal);
        var page = await client.GetAsync("/referrals");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/sign-in?returnUrl=%2Freferrals", page.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Portal:OpenIdConnect:ClientId", null, "ClientId")]
    [InlineData("Portal:OpenIdConnect:ClientSecret", "", "ClientSecret")]
    [InlineData("Identity:Authority", "http://id.example.lv/realms/referrals", "https")]
    [InlineData("Portal:OpenIdConnect:PublicOrigin", "referrals.example.lv", "PublicOrigin")]
    public async Task The_portal_does_not_start_in_OpenIdConnect_mode_with_incomplete_settings(string key, string? value, string named)
    {
        var settings = PortalOnIdentityProvider.Settings(portal.Provider, portal.Api);
        settings["Identity:RequireHttpsMetadata"] = "true";
        settings[key] = value;
        await using var app = Portal(settings);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_the_gateway_the_provider_is_given_the_portals_public_address_to_come_back_to()
    {
        var settings = PortalOnIdentityProvider.Settings(portal.Provider, portal.Api);
        settings["Portal:OpenIdConnect:PublicOrigin"] = "https://referrals.example.lv";
        await using var app = Portal(settings);
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new PortalClient(new Uri(app.Urls.First()));

        var challenge = await client.GetAsync("/sign-in?handler=Provider&returnUrl=%2Freferrals");

        Assert.Equal(HttpStatusCode.Redirect, challenge.Status);
        Assert.StartsWith(portal.Provider.Issuer + "/authorize?", challenge.Location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("https://referrals.example.lv/signin-oidc"), challenge.Location, StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    private static WebApplication Portal(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.AddPortal();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapPortal();
        return app;
    }

    /// <summary>The sign-in page's button, the provider, and back: the portal's answer to the provider's redirect.</summary>
    private async Task<PortalResponse> SignInAsync(PortalClient client, string returnUrl) =>
        await FollowAsync(client, (await StartAsync(client, returnUrl)).ToString());

    /// <summary>From the sign-in page to the provider's answer (the redirect back to the portal, not yet followed).</summary>
    private async Task<Uri> StartAsync(PortalClient client, string returnUrl = "/referrals")
    {
        var page = await client.GetAsync("/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var link = WebUtility.HtmlDecode(ProviderLink().Match(page.Html).Groups[1].Value);
        Assert.StartsWith("/sign-in?", link, StringComparison.Ordinal);

        var challenge = await FollowAsync(client, link);
        Assert.Equal(HttpStatusCode.Redirect, challenge.Status);
        Assert.StartsWith(portal.Provider.Issuer + "/authorize?", challenge.Location, StringComparison.Ordinal);

        var answer = await FollowAsync(client, challenge.Location!);
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.StartsWith(new Uri(portal.BaseAddress, "/signin-oidc?").ToString(), answer.Location, StringComparison.Ordinal);
        return new Uri(answer.Location!);
    }

    private static async Task<PortalResponse> FollowAsync(PortalClient client, string url)
    {
        var uri = url.StartsWith("http", StringComparison.Ordinal) ? new Uri(url) : new Uri(url, UriKind.Relative);
        using var response = await client.Http.GetAsync(uri, TestContext.Current.CancellationToken);
        return await PortalResponse.ReadAsync(response);
    }

    private async Task AssertRefusedAsync(PortalClient client, PortalResponse answer)
    {
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal(PortalOpenIdConnect.FailedPath, answer.Location);
        Assert.DoesNotContain(answer.SetCookies, c => c.StartsWith(PortalAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Null(portal.Ticket(client));
        var page = await client.GetAsync(answer.Location!);
        Assert.Contains(PortalText.Get("signIn.failed", "lv"), page.Html, StringComparison.Ordinal);
        var protectedPage = await client.GetAsync("/referrals");
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.Status);
        Assert.Contains("/sign-in", protectedPage.Location, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"([^\"]*handler=Provider[^\"]*)\"")]
    private static partial Regex ProviderLink();
}
