using System.Net;
using Referrals.Portal.Tests.Fakes;
using Referrals.Portal.Tests.Hosting;

namespace Referrals.Portal.Tests;

/// <summary>The referral page and the provider's inbox against a fake platform.</summary>
public sealed class CaseworkTests(PortalOnFake portal) : IClassFixture<PortalOnFake>
{
    private static readonly string ReferralPage = $"/referrals/{FakePlatform.ReferralId}";

    [Fact]
    public async Task The_referral_page_shows_status_eligibility_timeline_offer_and_SMS_in_Latvian()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");

        var page = await client.GetAsync(ReferralPage);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<strong class=\"status\" id=\"status\">Piedāvāts</strong>", page.Html, StringComparison.Ordinal);
        Assert.Contains("Deklarētā dzīvesvieta atbilst.", page.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"verdict-Passed\">Izpildīts", page.Html, StringComparison.Ordinal);
        Assert.Contains("Piedāvāts sniedzējam", page.Html, StringComparison.Ordinal);
        Assert.Contains("Daugavpils dienas aprūpes centrs senioriem", page.Html, StringComparison.Ordinal);
        Assert.Contains("Nosūtījums DGV-7K3P reģistrēts.", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Piegādāta<", page.Html, StringComparison.Ordinal);
        Assert.Contains("Atsaukt nosūtījumu", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_or_foreign_referral_is_a_localised_404()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");

        var page = await client.GetAsync($"/referrals/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("<h1>Nosūtījums nav atrasts</h1>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_then_sends_it()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");

        var empty = await client.SubmitAsync(ReferralPage, ReferralPage + "?handler=Withdraw", [new("reason", " ")]);
        var withdrawn = await client.SubmitAsync(ReferralPage, ReferralPage + "?handler=Withdraw", [new("reason", "Ģimene pārcēlās")]);

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("<a href=\"#reason\">Iemesls: Norādiet iemeslu.</a>", empty.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.Equal(ReferralPage + "?done=withdrawn", withdrawn.Location);
        var command = Assert.Single(portal.Platform.Commands, c => c.Path.EndsWith("/withdraw", StringComparison.Ordinal));
        Assert.Equal("Ģimene pārcēlās", command.Body["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_inbox_shows_the_minimum_and_a_decline_needs_a_reason_and_text_for_Other()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-ps-dgv-seniori");
        var offer = FakePlatform.OfferId.ToString();

        var inbox = await client.GetAsync("/offers");
        var noReason = await client.SubmitAsync("/offers", "/offers?handler=Decline", [new("offerId", offer), new("reason", "")]);
        var otherWithoutText = await client.SubmitAsync("/offers", "/offers?handler=Decline", [new("offerId", offer), new("reason", "Other")]);
        var declined = await client.SubmitAsync("/offers", "/offers?handler=Decline", [new("offerId", offer), new("reason", "MissingDocuments")]);

        Assert.Contains(FakePlatform.ReferralId.ToString(), inbox.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bērziņa", inbox.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#reason-{FakePlatform.OfferId:N}\"", noReason.Html, StringComparison.Ordinal);
        Assert.Contains("Izvēlieties atteikuma iemeslu.", noReason.Html, StringComparison.Ordinal);
        Assert.Contains("Paskaidrojiet iemeslu", otherWithoutText.Html, StringComparison.Ordinal);
        Assert.Equal("/offers?done=declined", declined.Location);
        var command = Assert.Single(portal.Platform.Commands, c => c.Path.EndsWith("/decline", StringComparison.Ordinal));
        Assert.Equal("MissingDocuments", command.Body["reason"]!.GetValue<string>());
    }
}
