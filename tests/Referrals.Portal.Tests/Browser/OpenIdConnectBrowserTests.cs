using Microsoft.Playwright;
using Referrals.Portal.Tests.Hosting;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Tests.Browser;

/// <summary>
/// Chromium through the identity provider's sign-in and sign-out (OpenIdConnect mode, the in-test provider): the real
/// browser keeps the correlation and nonce cookies across the redirects, the sign-in page passes axe-core, and the
/// keyboard reaches the button. Screenshots in artifacts/portal-screenshots-oidc.
/// </summary>
public sealed class OpenIdConnectBrowserTests(PortalOnIdentityProvider portal) : IClassFixture<PortalOnIdentityProvider>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_social_worker_signs_in_at_the_provider_with_the_keyboard_and_signs_out_again()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (apt-get install chromium); the browser test needs it.");
        }

        var axe = AxeCore.Find() ?? "";
        if (axe.Length == 0)
        {
            Assert.Skip("axe-core is not installed (npm install -g axe-core, or set AXE_CORE_JS to axe.min.js).");
        }

        var screenshots = Path.Combine(AppContext.BaseDirectory, "artifacts", "portal-screenshots-oidc");
        Directory.CreateDirectory(screenshots);
        portal.Provider.NextUser = new Dictionary<string, object>
        {
            ["sub"] = "kc-browser", ["name"] = "Ilze Kalniņa", [PortalOnIdentityProvider.RoleClaim] = new[] { Roles.SocialWorker }, ["municipality"] = "LV-DGV",
        };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "lv-LV", TimezoneId = "Europe/Riga", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync(new Uri(portal.BaseAddress, "/referrals").ToString());
        await page.WaitForURLAsync("**/sign-in?returnUrl=*");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "01-sign-in.png"), FullPage = true });
        Assert.Empty(await AxeCore.SeriousViolationsAsync(page, axe));
        var button = page.GetByRole(AriaRole.Link, new() { Name = "Pieslēgties ar Keycloak" });
        Assert.Equal(1, await button.CountAsync());
        for (var i = 0; i < 20 && await page.EvaluateAsync<string?>("() => document.activeElement.textContent") != "Pieslēgties ar Keycloak"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/referrals");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "02-signed-in.png"), FullPage = true });
        Assert.Contains("DGV-7K3P", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Ilze Kalniņa", await page.Locator("header").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(portal.Provider.AccessTokensIssued.Last(), portal.Api.TokensAccepted);

        var logouts = portal.Provider.LogoutRequests.Count;
        await page.GetByRole(AriaRole.Button, new() { Name = "Iziet" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in");
        Assert.Equal(logouts + 1, portal.Provider.LogoutRequests.Count);
        Assert.DoesNotContain(await context.CookiesAsync(), cookie => cookie.Name.StartsWith(Portal.Security.PortalAuthentication.CookieName + "C", StringComparison.Ordinal)
            || cookie.Name == Portal.Security.PortalAuthentication.CookieName);
        await page.GotoAsync(new Uri(portal.BaseAddress, "/referrals").ToString());
        await page.WaitForURLAsync("**/sign-in?returnUrl=*");
    }
}
