using System.Net;
using Referrals.Portal.Security;
using Referrals.Portal.Tests.Hosting;

namespace Referrals.Portal.Tests;

/// <summary>The development sign-in against a fake platform: the cookie, the token it carries, who may open what.</summary>
public sealed class SignInTests(PortalOnFake portal) : IClassFixture<PortalOnFake>
{
    [Fact]
    public async Task The_sign_in_page_lists_the_platforms_demo_users_in_Latvian()
    {
        using var client = portal.Client();

        var page = await client.GetAsync("/sign-in");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"lv\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("<h1>Pieteikties</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"demo-sw-daugavpils\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Ilze Kalniņa", page.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"demo-ps-dgv-seniori\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_Lax_cookie_and_the_pages_call_the_API_with_the_users_token()
    {
        using var client = portal.Client();

        var signedIn = await client.SignInAsync("demo-sw-daugavpils");
        var list = await client.GetAsync("/referrals");

        var cookie = Assert.Single(signedIn.SetCookies, c => c.StartsWith(PortalAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        // Encrypted: the token is not readable in the cookie.
        Assert.DoesNotContain("fake-token", cookie, StringComparison.Ordinal);
        Assert.Equal("/", signedIn.Location);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("DGV-7K3P", list.Html, StringComparison.Ordinal);
        Assert.Contains("fake-token-demo-sw-daugavpils", portal.Platform.TokensSeen);
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused()
    {
        using var client = portal.Client();

        var posted = await client.PostAsync("/sign-in", [new("userId", "demo-sw-daugavpils")]);

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.DoesNotContain(posted.SetCookies, c => c.StartsWith(PortalAuthentication.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_afterwards()
    {
        using var client = portal.Client();

        var page = await client.GetAsync("/referrals");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        // Relative, so that it also holds behind the gateway, where the portal's own host name is an internal one.
        Assert.Equal("/sign-in?returnUrl=%2Freferrals", page.Location);
    }

    [Fact]
    public async Task Provider_staff_cannot_open_the_social_workers_pages()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-ps-dgv-seniori");

        var page = await client.GetAsync("/referrals/new");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/forbidden", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_platform_refuses_the_token_the_user_is_signed_out_and_asked_to_sign_in_again()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");
        portal.Platform.TokensExpired = true;
        try
        {
            var page = await client.GetAsync("/referrals");

            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Contains("/sign-in?returnUrl=%2Freferrals", page.Location, StringComparison.Ordinal);
            Assert.Contains(page.SetCookies, c => c.StartsWith(PortalAuthentication.CookieName + "=;", StringComparison.Ordinal));
        }
        finally
        {
            portal.Platform.TokensExpired = false;
        }
    }
}
