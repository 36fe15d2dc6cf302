using System.Net;
using Referrals.Portal.Tests.Hosting;
using Referrals.Testing;

namespace Referrals.Portal.Tests;

/// <summary>
/// The portal inside the embedded host: its cookie scheme lives beside the APIs' JWT bearer without changing what the
/// APIs accept, and its pages and assets come from the portal assembly although another application hosts them.
/// </summary>
public sealed class EmbeddedHostTests(EmbeddedSystemFixture fixture) : IClassFixture<EmbeddedSystemFixture>
{
    private PortalClient Client() => new(fixture.System.BaseAddress);

    [Fact]
    public async Task The_APIs_still_answer_401_without_a_token_and_200_with_one()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/referrals").As(TestTokens.SocialWorker("LV-DGV"));

        var anonymous = await client.GetAsync("/api/referrals");
        using var bearer = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Null(anonymous.Location);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
    }

    [Fact]
    public async Task A_portal_cookie_opens_the_portal_but_no_API()
    {
        using var client = Client();
        await client.SignInAsync("demo-sw-daugavpils");

        var page = await client.GetAsync("/referrals");
        var api = await client.GetAsync("/api/referrals");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Daugavpils", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.Status);
    }

    [Fact]
    public async Task Portal_pages_send_anonymous_visitors_to_sign_in_while_health_and_OpenAPI_stay_open()
    {
        using var client = Client();

        var page = await client.GetAsync("/referrals");
        var home = await client.GetAsync("/");
        var signIn = await client.GetAsync("/sign-in");
        var css = await client.GetAsync("/portal/portal.css");
        var openApi = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/sign-in?returnUrl=%2Freferrals", page.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.Contains("Ilze Kalniņa", signIn.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.Status);
        Assert.Contains(":focus-visible", css.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, openApi.Status);
    }
}
