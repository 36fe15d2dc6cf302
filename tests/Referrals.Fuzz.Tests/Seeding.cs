using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Referrals.Fuzz.Tests;

/// <summary>Real data made through the API, so hostile requests have existing referrals, offers and SMS to aim at.</summary>
public static class Seeding
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Transient = ["Submitted", "Matching"];

    /// <summary>An old-format personal code of someone born 31.01.1950, with a valid check digit, unique per serial.</summary>
    public static string PersonalCode(int serial)
    {
        int[] weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        for (var candidate = serial; ; candidate++)
        {
            var digits = $"3101501{candidate % 1000:000}";
            var sum = digits.Select((c, i) => (c - '0') * weights[i]).Sum();
            var check = (1101 - sum) % 11;
            if (check < 10)
            {
                return $"{digits[..6]}-{digits[6..]}{check}";
            }
        }
    }

    public static async Task<SeededData> SeedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        await CreateOrganisationAsync(http, "fuzz-org-dgv", "LV-DGV", available: 3, cancellationToken);
        await CreateOrganisationAsync(http, "fuzz-org-rez", "LV-REZ", available: 0, cancellationToken);
        await CreateOrganisationAsync(http, "fuzz-org-077", "LV-077", available: 1, cancellationToken);

        var referrals = new List<Guid>();
        string[] municipalities = ["LV-DGV", "LV-DGV", "LV-REZ", "LV-077", "LV-DGV"];
        string[] languages = ["lv", "ru", "en", "lv", "ru"];
        for (var i = 0; i < municipalities.Length; i++)
        {
            referrals.Add(await SubmitAsync(http, municipalities[i], PersonalCode(101 + (i * 7)), languages[i], $"+3712000010{i}", cancellationToken));
        }

        foreach (var id in referrals)
        {
            await WaitUntilSettledAsync(http, id, cancellationToken);
        }

        // One referral already withdrawn: a final state for the hostile withdrawals and closings to bounce off.
        using (var withdrawn = await http.PostAsJsonAsync($"/api/referrals/{referrals[^1]}/withdraw", new { reason = "Ģimene atteicās" }, cancellationToken))
        {
            Assert.True(withdrawn.StatusCode == HttpStatusCode.OK, $"seed withdraw: {(int)withdrawn.StatusCode} {await withdrawn.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var organisations = (await http.GetFromJsonAsync<JsonArray>("/api/providers/admin/organizations", cancellationToken))!.OfType<JsonObject>().ToList();
        var offers = new List<Guid>();
        var sms = new List<string>();
        foreach (var id in referrals)
        {
            var referralOffers = (await http.GetFromJsonAsync<JsonArray>($"/api/providers/offers?referralId={id}", cancellationToken))!;
            offers.AddRange(referralOffers.OfType<JsonObject>().Select(o => Guid.Parse((string)o["offerId"]!)));
            var messages = (await http.GetFromJsonAsync<JsonArray>($"/api/notifications?referralId={id}", cancellationToken))!;
            sms.AddRange(messages.OfType<JsonObject>().Select(m => (string)m["id"]!));
        }

        var versions = (await http.GetFromJsonAsync<JsonArray>("/api/eligibility/rulesets", cancellationToken))!
            .OfType<JsonObject>().Select(v => (string)v["version"]!).ToList();
        var ruleSet = (await http.GetFromJsonAsync<JsonObject>($"/api/eligibility/rulesets/{versions[0]}", cancellationToken))!;

        Assert.NotEmpty(offers);
        Assert.NotEmpty(sms);
        return new SeededData
        {
            ReferralIds = referrals,
            OrganisationIds = organisations.Select(o => (string)o["id"]!).ToList(),
            ServiceIds = organisations.SelectMany(o => o["services"]!.AsArray().OfType<JsonObject>()).Select(s => (string)s["id"]!).ToList(),
            OfferIds = offers,
            SmsMessageIds = sms,
            RuleSetVersions = versions,
            RuleSet = ruleSet,
        };
    }

    private static async Task CreateOrganisationAsync(HttpClient http, string id, string municipality, int available, CancellationToken cancellationToken)
    {
        var body = new
        {
            id,
            name = $"Fuzz pakalpojumu sniedzējs {id}",
            phone = "+37165400000",
            email = (string?)null,
            municipality,
            services = new[]
            {
                new { id = "svc-" + id, serviceType = "home-care", clientGroups = new[] { "elderly" }, minAge = (int?)18, maxAge = (int?)null, gender = (string?)null, maximum = 20, available },
            },
        };
        using var response = await http.PostAsJsonAsync("/api/providers/organizations", body, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"seed organisation {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private static async Task<Guid> SubmitAsync(HttpClient http, string municipality, string personalCode, string language, string phone, CancellationToken cancellationToken)
    {
        var body = new
        {
            municipality,
            serviceType = "home-care",
            clientGroup = "elderly",
            documents = new[] { "application", "id-document", "gp-certificate", "income-statement" },
            preferredProviderId = (string?)null,
            client = new
            {
                givenName = "Anna",
                familyName = "Bērziņa",
                personalCode,
                dateOfBirth = "1950-01-31",
                gender = "female",
                address = "Rīgas iela 1, Daugavpils, LV-5401",
                declaredMunicipality = municipality,
            },
            family = new { phone, preferredLanguage = language, smsConsent = true },
        };
        using var response = await http.PostAsJsonAsync("/api/referrals", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"seed referral: {(int)response.StatusCode} {text}");
        return Guid.Parse((string)JsonNode.Parse(text)!["id"]!);
    }

    private static async Task WaitUntilSettledAsync(HttpClient http, Guid id, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        string? status;
        do
        {
            var referral = await http.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}", cancellationToken);
            status = (string?)referral!["status"];
            if (status is not null && !Transient.Contains(status))
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Seeded referral {id} stayed {status}");
    }
}
