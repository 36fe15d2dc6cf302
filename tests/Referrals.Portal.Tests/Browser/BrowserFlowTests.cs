using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Referrals.Portal.Tests.Hosting;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;

namespace Referrals.Portal.Tests.Browser;

/// <summary>
/// Chromium, driven by Playwright, through the main flow against the real embedded system with the portal in it: the
/// social worker submits (after seeing field errors and the eligibility pre-check), the first provider opens the offer
/// (minimum data), declines with a reason and sets its free places, the next provider accepts and opens the placement
/// with the client's details (and not the first provider's offer), the social worker sees Placed and the SMS, the family opens the link from the SMS. Every
/// main page is screenshotted (artifacts/portal-screenshots in the test output) and checked with axe-core.
/// </summary>
public sealed partial class BrowserFlowTests(EmbeddedSystemFixture fixture) : IClassFixture<EmbeddedSystemFixture>
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<string> _violations = [];
    private string _axe = "";
    private int _shot;

    private Uri Base => fixture.System.BaseAddress;

    [Fact]
    public async Task A_referral_goes_from_submission_through_a_decline_and_an_acceptance_to_placed_with_its_SMS()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (apt-get install chromium); the browser test needs it.");
        }

        _axe = AxeCore.Find() ?? "";
        if (_axe.Length == 0)
        {
            Assert.Skip("axe-core is not installed (npm install -g axe-core, or set AXE_CORE_JS to axe.min.js).");
        }

        if (Directory.Exists(Screenshots))
        {
            Directory.Delete(Screenshots, recursive: true);
        }

        Directory.CreateDirectory(Screenshots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // axe is injected as an inline script, which the platform's Content-Security-Policy rightly forbids.
        var options = new BrowserNewContextOptions { BypassCSP = true, Locale = "lv-LV", TimezoneId = "Europe/Riga", ViewportSize = new() { Width = 1280, Height = 900 } };
        await using var context = await browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        // Sign-in; the skip link is the first thing the keyboard reaches.
        await page.GotoAsync(new Uri(Base, "/").ToString());
        await page.WaitForURLAsync("**/sign-in**");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await VisitAsync(page, "sign-in");
        // Keyboard only: Tab to the social worker's button and press Enter.
        for (var i = 0; i < 30 && await page.EvaluateAsync<string?>("() => document.activeElement.value") != DemoUsers.DaugavpilsSocialWorker.Id; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/referrals");
        await VisitAsync(page, "referral-list");

        // A new referral: first with a wrong personal code, then the pre-check, then submitted.
        await page.GotoAsync(new Uri(Base, "/referrals/new").ToString());
        await VisitAsync(page, "new-referral");
        await FillReferralAsync(page, personalCode: "310150-11013");
        await page.GetByRole(AriaRole.Button, new() { Name = "Iesniegt nosūtījumu" }).ClickAsync();
        await page.Locator(".error-summary a[href='#client-personalCode']").WaitForAsync();
        Assert.Equal("true", await page.Locator("#client-personalCode").GetAttributeAsync("aria-invalid"));
        await VisitAsync(page, "new-referral-errors");
        await page.Locator("#client-personalCode").FillAsync("310150-11012");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pārbaudīt atbilstību" }).ClickAsync();
        await page.Locator("#check-title").WaitForAsync();
        await VisitAsync(page, "eligibility-pre-check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Iesniegt nosūtījumu" }).ClickAsync();
        await page.WaitForURLAsync(ReferralPage());
        var referralId = Guid.Parse(ReferralPage().Match(page.Url).Groups[1].Value);
        await WaitForTextAsync(page, "#status", "Piedāvāts");
        await VisitAsync(page, "referral-offered");

        // The first provider opens the offer (the minimum only), declines with a reason, in the browser, as its own staff.
        var first = await CurrentOfferAsync(referralId, null);
        var firstStaff = DemoUsers.All.FirstOrDefault(u => u.ProviderId == first.ProviderId);
        Assert.True(firstStaff is not null, $"The first offer went to {first.ProviderId}, which has no demo user.");
        await SignOutAsync(page);
        await SignInAsync(page, firstStaff);
        await page.WaitForURLAsync("**/offers");
        await VisitAsync(page, "offers-inbox");
        await page.Locator($"article[data-referral='{referralId}'] a.open-offer").ClickAsync();
        await page.WaitForURLAsync($"**/offers/{first.OfferId}");
        await page.Locator("#minimum-note").WaitForAsync();
        var minimum = await page.Locator("main").TextContentAsync() ?? "";
        Assert.DoesNotContain("Bērziņa", minimum, StringComparison.Ordinal);
        Assert.DoesNotContain("310150-11012", minimum, StringComparison.Ordinal);
        Assert.DoesNotContain("+37120000001", minimum, StringComparison.Ordinal);
        Assert.Contains("Aprūpe mājās", minimum, StringComparison.Ordinal);
        await VisitAsync(page, "offer-pending");
        // Without a reason the decline is refused with the field named; then with one it goes through.
        await page.GetByRole(AriaRole.Button, new() { Name = "Atteikt" }).ClickAsync();
        await page.Locator($".error-summary a[href='#reason-{first.OfferId:N}']").WaitForAsync();
        await VisitAsync(page, "offer-decline-errors");
        Assert.Equal("true", await page.Locator($"#reason-{first.OfferId:N}").GetAttributeAsync("aria-invalid"));
        await page.GetByLabel("Iemesls").SelectOptionAsync("MissingDocuments");
        await page.GetByLabel("Paskaidrojums").FillAsync("Nav ģimenes ārsta izziņas oriģināla.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Atteikt" }).ClickAsync();
        await page.WaitForURLAsync("**/offers?done=declined");
        await VisitAsync(page, "offer-declined");

        // Free places of the provider's own services: wrong numbers are named at the field, a right one is saved.
        await page.GotoAsync(new Uri(Base, "/offers/capacity").ToString());
        Assert.Equal(2, await page.Locator("article.capacity").CountAsync());
        await VisitAsync(page, "free-places");
        var service = page.Locator("article.capacity").First;
        var serviceId = await service.GetAttributeAsync("data-service") ?? "";
        var maximum = int.Parse(await service.Locator(".maximum").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var available = int.Parse(await service.Locator("input[name=available]").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (wrong, message) in new[] { ("trīs", "jābūt veselam skaitlim"), ("-1", "nevar būt mazāks par 0"), ((maximum + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"({maximum})") })
        {
            await page.Locator($"article[data-service='{serviceId}'] input[name=available]").FillAsync(wrong);
            await page.Locator($"article[data-service='{serviceId}']").GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
            await page.Locator($".error-summary a[href='#available-{serviceId}']").WaitForAsync();
            Assert.Contains(message, await page.Locator($"#available-{serviceId}-error").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await page.Locator($"#available-{serviceId}").GetAttributeAsync("aria-invalid"));
        }

        await VisitAsync(page, "free-places-errors");
        var raised = Math.Min(available + 1, maximum).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator($"article[data-service='{serviceId}'] input[name=available]").FillAsync(raised);
        await page.Locator($"article[data-service='{serviceId}']").GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await page.WaitForURLAsync($"**/offers/capacity?done={serviceId}");
        Assert.Equal(raised, await page.Locator($"article[data-service='{serviceId}'] .available").InnerTextAsync());
        await VisitAsync(page, "free-places-saved");

        // The next provider accepts in the browser, as its own staff, and opens the placement with the client's details.
        var second = await CurrentOfferAsync(referralId, first.ProviderId);
        Assert.Equal(DemoUsers.RezekneHomeCareStaff.ProviderId, second.ProviderId);
        await SignOutAsync(page);
        await SignInAsync(page, DemoUsers.RezekneHomeCareStaff);
        await page.WaitForURLAsync("**/offers");
        await VisitAsync(page, "offers-inbox-second");
        await page.Locator($"article[data-referral='{referralId}']").GetByRole(AriaRole.Button, new() { Name = "Pieņemt" }).ClickAsync();
        await page.WaitForURLAsync($"**/offers/{second.OfferId}?done=accepted");
        await WaitForTextAsync(page, "main", "Anna Bērziņa");
        Assert.Contains("+37120000001", await page.Locator("#family-phone").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("+37165423700", await page.Locator("#social-service").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Pieņemts", await page.Locator("#offer-status").TextContentAsync(), StringComparison.Ordinal);
        await VisitAsync(page, "placement");
        await page.GotoAsync(new Uri(Base, "/offers").ToString());
        Assert.Contains(referralId.ToString(), await page.Locator("#placements").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator($"#placements a[href='/offers/{second.OfferId}']").ClickAsync();
        await page.WaitForURLAsync($"**/offers/{second.OfferId}");
        await page.Locator("#client-name").WaitForAsync();
        // The first provider's offer of the same referral is not this provider's: the portal's not-found page.
        var foreign = await page.GotoAsync(new Uri(Base, $"/offers/{first.OfferId}").ToString());
        Assert.Equal(404, foreign!.Status);
        Assert.Equal("Piedāvājums nav atrasts", await page.Locator("h1").TextContentAsync());
        Assert.DoesNotContain("Bērziņa", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await VisitAsync(page, "offer-not-found");
        await page.GotoAsync(new Uri(Base, "/offers/capacity").ToString());
        Assert.Equal(1, await page.Locator("article.capacity").CountAsync());
        await VisitAsync(page, "free-places-second");

        // The social worker sees the placement and the SMS.
        await SignOutAsync(page);
        await SignInAsync(page, DemoUsers.DaugavpilsSocialWorker);
        await page.WaitForURLAsync("**/referrals");
        await page.GotoAsync(new Uri(Base, $"/referrals/{referralId}").ToString());
        await WaitForTextAsync(page, "#status", "Vieta piešķirta");
        await WaitForTextAsync(page, "main", "Īsziņas ģimenei");
        await WaitUntilAsync(page, async () => await page.Locator("#sms tbody tr").CountAsync() >= 2 && (await page.Locator("#sms").TextContentAsync())!.Contains("Vieta piešķirta", StringComparison.Ordinal));
        Assert.Contains(second.ProviderName, await page.Locator("#placement").TextContentAsync(), StringComparison.Ordinal);
        await VisitAsync(page, "referral-placed");

        var smsText = await page.Locator("#sms").TextContentAsync() ?? "";
        await page.GotoAsync(new Uri(Base, "/report").ToString());
        Assert.Contains("Daugavpils valstspilsēta", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        // The decline above is in the report's chart (and its text alternative), counted from the referral itself.
        Assert.Matches(@"Trūkst dokumentu: [1-9]", await page.Locator("#chart-declines-desc").TextContentAsync() ?? "");
        Assert.Equal(4, await page.Locator("figure.chart svg[role=img]").CountAsync());
        await VisitAsync(page, "report");

        // The family follows the link in the SMS, without signing in.
        var token = StatusLink().Match(smsText);
        Assert.True(token.Success, "The SMS carries no status link: " + smsText);
        await using var family = await browser.NewContextAsync(options);
        var familyPage = await family.NewPageAsync();
        await familyPage.GotoAsync(new Uri(Base, "/status/" + token.Groups[1].Value).ToString());
        Assert.Equal("Vieta piešķirta", await familyPage.Locator("#family-status").TextContentAsync());
        Assert.Contains(second.ProviderName, await familyPage.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await VisitAsync(familyPage, "family-status");

        // The coordinator's directory and rule catalogue, and the language switch.
        await SignOutAsync(page);
        await SignInAsync(page, DemoUsers.LatgaleCoordinator);
        await page.WaitForURLAsync("**/directory");
        await VisitAsync(page, "directory");
        await page.GotoAsync(new Uri(Base, "/rules").ToString());
        await VisitAsync(page, "rule-catalogue");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Eligibility rules" }).WaitForAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await VisitAsync(page, "rule-catalogue-english");

        // The check itself is alive: a page with an unlabelled image and field fails it.
        await page.SetContentAsync("<html lang='lv'><head><title>t</title></head><body><main><img src='x.png'><input type='text'></main></body></html>");
        Assert.Contains(await AxeCore.SeriousViolationsAsync(page, _axe), v => v.StartsWith("image-alt", StringComparison.Ordinal));

        Assert.True(_violations.Count == 0, "axe-core found serious or critical violations:\n" + string.Join('\n', _violations));
    }

    private static string Screenshots => Path.Combine(AppContext.BaseDirectory, "artifacts", "portal-screenshots");

    private async Task VisitAsync(IPage page, string name)
    {
        _shot++;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{_shot:00}-{name}.png"), FullPage = true });
        foreach (var violation in await AxeCore.SeriousViolationsAsync(page, _axe))
        {
            _violations.Add($"{name}: {violation}");
        }
    }

    private async Task SignInAsync(IPage page, DemoUser user)
    {
        if (!page.Url.Contains("/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync(new Uri(Base, "/sign-in").ToString());
        }

        await page.GetByRole(AriaRole.Button, new() { Name = user.Name }).ClickAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Iziet" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in");
    }

    private static async Task FillReferralAsync(IPage page, string personalCode)
    {
        await page.GetByLabel("Pakalpojuma veids").SelectOptionAsync("home-care");
        await page.GetByLabel("Klientu grupa").SelectOptionAsync("elderly");
        foreach (var document in new[] { "application", "id-document", "gp-certificate", "psychiatrist-opinion", "income-statement" })
        {
            await page.Locator("#documents-" + document).CheckAsync();
        }

        await page.Locator("#client-givenName").FillAsync("Anna");
        await page.Locator("#client-familyName").FillAsync("Bērziņa");
        await page.Locator("#client-personalCode").FillAsync(personalCode);
        await page.Locator("#client-dateOfBirth").FillAsync("1950-01-31");
        await page.Locator("#client-gender-female").CheckAsync();
        await page.Locator("#client-address").FillAsync("Rīgas iela 1, Daugavpils");
        await page.Locator("#family-phone").FillAsync("+37120000001");
        await page.Locator("#family-smsConsent").CheckAsync();
        await page.Locator("#consent-givenBy-person").CheckAsync();
        await page.Locator("#consent-purposes-sms-updates").CheckAsync();
    }

    private static async Task WaitForTextAsync(IPage page, string selector, string text) =>
        await WaitUntilAsync(page, async () => (await page.Locator(selector).First.TextContentAsync())?.Contains(text, StringComparison.Ordinal) == true);

    /// <summary>Reloads the page until <paramref name="condition"/> holds: the flow is asynchronous behind the pages.</summary>
    private static async Task WaitUntilAsync(IPage page, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{page.Url} did not get there in {Patience.TotalSeconds} s:\n{await page.Locator("main").TextContentAsync()}");
            await Task.Delay(500);
            await page.ReloadAsync();
        }
    }

    private HttpClient Api() => new() { BaseAddress = Base };

    /// <summary>The pending offer of the referral (through the API as its social worker), other than one made to <paramref name="not"/>.</summary>
    private async Task<(Guid OfferId, string ProviderId, string ProviderName)> CurrentOfferAsync(Guid referralId, string? not)
    {
        using var api = Api();
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{referralId}").As(TestTokens.SocialWorker("LV-DGV"));
            using var response = await api.SendAsync(request, TestContext.Current.CancellationToken);
            var referral = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
            if (referral?["status"]?.GetValue<string>() == "Offered" && referral["currentOffer"] is JsonObject offer
                && offer["providerId"]!.GetValue<string>() != not)
            {
                return (Guid.Parse(offer["offerId"]!.GetValue<string>()), offer["providerId"]!.GetValue<string>(), offer["providerName"]!.GetValue<string>());
            }

            Assert.True(DateTime.UtcNow < deadline, $"Referral {referralId} got no new offer: {referral}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"/referrals/([0-9a-f-]{36})")]
    private static partial Regex ReferralPage();

    [GeneratedRegex(@"/status/([A-Za-z0-9_-]{22})")]
    private static partial Regex StatusLink();
}
