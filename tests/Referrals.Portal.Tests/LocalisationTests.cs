using System.Net;
using Referrals.Portal.Localisation;
using Referrals.Portal.Tests.Fakes;
using Referrals.Portal.Tests.Hosting;

namespace Referrals.Portal.Tests;

public sealed class LocalisationTests(PortalOnFake portal) : IClassFixture<PortalOnFake>
{
    [Fact]
    public async Task Latvian_by_default_and_the_language_switch_is_remembered()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");

        var latvian = await client.GetAsync("/referrals");
        var switched = await client.SubmitAsync("/referrals", "/language", [new("language", "en"), new("returnUrl", "/referrals?status=Offered")]);
        var english = await client.GetAsync("/referrals");
        await client.SubmitAsync("/referrals", "/language", [new("language", "ru"), new("returnUrl", "/referrals")]);
        var russian = await client.GetAsync("/referrals");

        Assert.Contains("<html lang=\"lv\">", latvian.Html, StringComparison.Ordinal);
        Assert.Contains("Piedāvāts", latvian.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal("/referrals?status=Offered", switched.Location);
        Assert.Contains("<html lang=\"en\">", english.Html, StringComparison.Ordinal);
        Assert.Contains(">Offered<", english.Html, StringComparison.Ordinal);
        Assert.Contains("Skip to content", english.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ru\">", russian.Html, StringComparison.Ordinal);
        Assert.Contains("Предложено", russian.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_sends_nobody_to_another_site()
    {
        using var client = portal.Client();

        var switched = await client.SubmitAsync("/sign-in", "/language", [new("language", "en"), new("returnUrl", "https://evil.example/")]);

        Assert.Equal("/", switched.Location);
    }

    [Fact]
    public async Task Times_are_shown_in_Riga_time()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");

        var list = await client.GetAsync("/referrals");

        // 30 June 21:30 UTC is 1 July 00:30 in Riga (summer time, UTC+3).
        Assert.Equal(new DateTime(2026, 7, 1, 0, 30, 0), RigaTime.Of(FakePlatform.SubmittedAt).DateTime);
        Assert.Contains(">01.07.2026 00:30</time>", list.Html, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-06-30T21:30:00Z\"", list.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_has_all_three_languages()
    {
        var incomplete = PortalTexts.All
            .Where(t => string.IsNullOrWhiteSpace(t.Value.Lv) || string.IsNullOrWhiteSpace(t.Value.En) || string.IsNullOrWhiteSpace(t.Value.Ru))
            .Select(t => t.Key)
            .ToList();

        Assert.Empty(incomplete);
        Assert.Equal("Pieteikties", PortalText.Get("signIn.title", "lv"));
        Assert.Equal("Sign in", PortalText.Get("signIn.title", "en"));
        Assert.Equal("Вход", PortalText.Get("signIn.title", "ru"));
    }
}
