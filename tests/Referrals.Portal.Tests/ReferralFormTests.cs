using System.Net;
using Referrals.Portal.Tests.Hosting;

namespace Referrals.Portal.Tests;

/// <summary>The new-referral form against a fake platform: what it sends, and how the platform's field errors are shown.</summary>
public sealed class ReferralFormTests(PortalOnFake portal) : IClassFixture<PortalOnFake>
{
    private static readonly KeyValuePair<string, string>[] Filled =
    [
        new("serviceType", "home-care"),
        new("clientGroup", "elderly"),
        new("documents", "application"),
        new("documents", "gp-certificate"),
        new("client.givenName", "Anna"),
        new("client.familyName", "Bērziņa"),
        new("client.personalCode", "310150-11012"),
        new("client.dateOfBirth", "1950-01-31"),
        new("client.gender", "female"),
        new("client.declaredMunicipality", "LV-DGV"),
        new("family.phone", "+37120000001"),
        new("family.preferredLanguage", "lv"),
        new("family.smsConsent", "true"),
        new("consent.givenBy", "legal-representative"),
        new("consent.givenOn", "2026-11-20"),
        new("consent.purposes", "referral-processing"),
        new("consent.purposes", "sms-updates"),
        new("idempotencyKey", "form-1"),
    ];

    [Fact]
    public async Task The_platforms_field_errors_are_shown_next_to_their_fields_in_Latvian_with_a_linked_summary()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");
        portal.Platform.SubmissionErrors = new()
        {
            ["client.personalCode"] = ["Invalid check digit."],
            ["consent.purposes[1]"] = ["Unknown purpose."],
        };
        try
        {
            var page = await client.SubmitAsync("/referrals/new", "/referrals/new", Filled);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("role=\"alert\"", page.Html, StringComparison.Ordinal);
            Assert.Contains("<h2 id=\"error-summary-title\">Lūdzu, izlabojiet kļūdas</h2>", page.Html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#client-personalCode\">Personas kods: Ievadiet derīgu personas kodu.</a>", page.Html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#consent-purposes\">", page.Html, StringComparison.Ordinal);
            Assert.Contains("id=\"client-personalCode-error\"", page.Html, StringComparison.Ordinal);
            Assert.Matches("id=\"client-personalCode\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"client-personalCode-hint client-personalCode-error\"", page.Html);
            // The API's English wording stays out of a Latvian page; what was typed stays in the form.
            Assert.DoesNotContain("Invalid check digit", page.Html, StringComparison.Ordinal);
            Assert.Contains("value=\"Bērziņa\"", page.Html, StringComparison.Ordinal);
        }
        finally
        {
            portal.Platform.SubmissionErrors = null;
        }
    }

    [Fact]
    public async Task A_complete_form_is_sent_with_its_consent_and_idempotency_key_and_opens_the_new_referral()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");

        var submitted = await client.SubmitAsync("/referrals/new", "/referrals/new", Filled);

        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal($"/referrals/{Fakes.FakePlatform.ReferralId}?submitted=1", submitted.Location);
        var body = portal.Platform.Submissions.Last();
        Assert.Equal("LV-DGV", body["municipality"]!.GetValue<string>());
        Assert.Equal("legal-representative", body["consent"]!["givenBy"]!.GetValue<string>());
        Assert.Equal("2026-11-20", body["consent"]!["givenOn"]!.GetValue<string>());
        Assert.Equal(["referral-processing", "sms-updates"], body["consent"]!["purposes"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("310150-11012", body["client"]!["personalCode"]!.GetValue<string>());
        Assert.True(body["family"]!["smsConsent"]!.GetValue<bool>());
        Assert.Equal(["application", "gp-certificate"], body["documents"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task A_date_the_browser_did_not_give_as_a_date_is_refused_before_the_platform_is_asked()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");
        var before = portal.Platform.Submissions.Count;

        var page = await client.SubmitAsync("/referrals/new", "/referrals/new",
            Filled.Where(f => f.Key != "client.dateOfBirth").Append(new("client.dateOfBirth", "31.01.1950")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Ievadiet datumu formātā GGGG-MM-DD.", page.Html, StringComparison.Ordinal);
        Assert.Equal(before, portal.Platform.Submissions.Count);
    }

    [Fact]
    public async Task The_eligibility_pre_check_shows_each_rules_verdict_and_reason()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");
        var before = portal.Platform.Submissions.Count;

        var page = await client.SubmitAsync("/referrals/new", "/referrals/new?handler=Check", Filled);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Atbilstības vērtējums: Vajadzīga informācija", page.Html, StringComparison.Ordinal);
        Assert.Contains("Trūkst ģimenes ārsta izziņas.", page.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"verdict-MissingInformation\">Trūkst informācijas", page.Html, StringComparison.Ordinal);
        Assert.Equal(before, portal.Platform.Submissions.Count);
    }
}
