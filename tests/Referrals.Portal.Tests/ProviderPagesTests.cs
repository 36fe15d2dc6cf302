using System.Net;
using Referrals.Portal.Tests.Fakes;
using Referrals.Portal.Tests.Hosting;

namespace Referrals.Portal.Tests;

/// <summary>The provider's offer page, the accept and the free places of its own services, against a fake platform.</summary>
public sealed class ProviderPagesTests(PortalOnFake portal) : IClassFixture<PortalOnFake>
{
    private static readonly string OfferPage = $"/offers/{FakePlatform.OfferId}";

    [Fact]
    public async Task The_inbox_links_each_offer_to_its_page_which_shows_the_referral_and_the_decision()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-ps-dgv-seniori");

        var inbox = await client.GetAsync("/offers");
        var page = await client.GetAsync(OfferPage);

        Assert.Contains($"href=\"{OfferPage}\"", inbox.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("DGV-7K3P", page.Html, StringComparison.Ordinal);
        Assert.Contains("Daugavpils pilsētas pašvaldības iestāde “Sociālais dienests”", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:+37165423700\"", WebUtility.HtmlDecode(page.Html), StringComparison.Ordinal);
        Assert.Contains("Līdz pieņemšanai redzami tikai dati, kas vajadzīgi lēmumam", page.Html, StringComparison.Ordinal);
        Assert.Contains($"action=\"{OfferPage}?handler=Accept\"", page.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"reason-{FakePlatform.OfferId:N}\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_providers_or_an_unknown_offer_is_a_localised_404()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-ps-rez-sac");

        var page = await client.GetAsync($"/offers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("<h1>Piedāvājums nav atrasts</h1>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("DGV-7K3P", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_social_worker_cannot_open_the_offer_page()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");

        var page = await client.GetAsync(OfferPage);

        Assert.NotEqual(HttpStatusCode.OK, page.Status);
        Assert.Contains("/forbidden", page.Location ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_on_the_offer_page_needs_a_reason_shown_there_and_then_sends_it()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-ps-dgv-seniori");
        var offer = FakePlatform.OfferId.ToString();

        var noReason = await client.SubmitAsync(OfferPage, OfferPage + "?handler=Decline", [new("offerId", offer), new("reason", "")]);
        var declined = await client.SubmitAsync(OfferPage, OfferPage + "?handler=Decline", [new("offerId", offer), new("reason", "NoCapacity")]);

        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains($"<a href=\"#reason-{FakePlatform.OfferId:N}\">Iemesls: Izvēlieties atteikuma iemeslu.</a>", noReason.Html, StringComparison.Ordinal);
        Assert.Contains("DGV-7K3P", noReason.Html, StringComparison.Ordinal);
        Assert.Equal("/offers?done=declined", declined.Location);
        var command = Assert.Single(portal.Platform.Commands, c => c.Path == $"/providers/offers/{offer}/decline");
        Assert.Equal("NoCapacity", command.Body["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accepting_opens_the_placement_page()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-ps-dgv-seniori");

        var accepted = await client.SubmitAsync("/offers", "/offers?handler=Accept", [new("offerId", FakePlatform.OfferId.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal(OfferPage + "?done=accepted", accepted.Location);
        Assert.Contains(portal.Platform.Commands, c => c.Path == $"/providers/offers/{FakePlatform.OfferId}/accept");
    }

    [Fact]
    public async Task Free_places_lists_every_own_service_with_its_maximum_and_saves_one()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-ps-dgv-seniori");

        var page = await client.GetAsync("/offers/capacity");
        var saved = await client.SubmitAsync("/offers/capacity", "/offers/capacity", [new("serviceId", "svc-dgv-seniori-dac"), new("available", " 7 ")]);
        var done = await client.GetAsync(saved.Location!);

        Assert.Contains("data-service=\"svc-dgv-seniori-dac\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-service=\"svc-dgv-seniori-home\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Dienas aprūpes centrs", page.Html, StringComparison.Ordinal);
        Assert.Contains("Kopā vietu: 40", page.Html, StringComparison.Ordinal);
        Assert.Equal("/offers/capacity?done=svc-dgv-seniori-dac", saved.Location);
        Assert.Contains("role=\"status\">Saglabāts:", done.Html, StringComparison.Ordinal);
        var command = Assert.Single(portal.Platform.Commands, c => c.Path == "/providers/services/svc-dgv-seniori-dac/capacity");
        Assert.Equal(7, command.Body["available"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("lv", "Brīvās vietas", "Nosūtītājs")]
    [InlineData("en", "Free places", "Referred by")]
    [InlineData("ru", "Свободные места", "Направил")]
    public async Task The_provider_pages_speak_each_language_without_a_missing_text(string language, string capacityTitle, string referredBy)
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-ps-dgv-seniori");
        await client.SubmitAsync("/offers", "/language", [new("language", language), new("returnUrl", "/offers")]);

        var pages = new[] { await client.GetAsync("/offers"), await client.GetAsync(OfferPage), await client.GetAsync("/offers/capacity") };

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.All(pages, p => Assert.DoesNotMatch(@"\[[a-z]+[A-Za-z]*\.[A-Za-z.-]+\]", p.Html));
        Assert.Contains(referredBy, pages[1].Html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{capacityTitle}</h1>", pages[2].Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "lv", "ievadiet brīvo vietu skaitu")]
    [InlineData("trīs", "lv", "jābūt veselam skaitlim")]
    [InlineData("-1", "lv", "nevar būt mazāks par 0")]
    [InlineData("41", "lv", "vietu skaitu kopā (40)")]
    [InlineData("41", "en", "more free places than places in total (40)")]
    [InlineData("abc", "ru", "должно быть целым")]
    public async Task A_wrong_number_of_free_places_is_named_at_the_field_and_not_sent(string available, string language, string message)
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-ps-dgv-seniori");
        if (language != "lv")
        {
            await client.SubmitAsync("/offers/capacity", "/language", [new("language", language), new("returnUrl", "/offers/capacity")]);
        }

        var before = portal.Platform.Commands.Count(c => c.Path.EndsWith("/svc-dgv-seniori-home/capacity", StringComparison.Ordinal));
        var page = await client.SubmitAsync("/offers/capacity", "/offers/capacity", [new("serviceId", "svc-dgv-seniori-home"), new("available", available)]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("href=\"#available-svc-dgv-seniori-home\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"available-svc-dgv-seniori-home-error\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(message, page.Html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(before, portal.Platform.Commands.Count(c => c.Path.EndsWith("/svc-dgv-seniori-home/capacity", StringComparison.Ordinal)));
    }
}
