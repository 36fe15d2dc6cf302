using System.Net;
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

    public static readonly string[] Municipalities = ["LV-DGV", "LV-DGV", "LV-REZ", "LV-077", "LV-DGV"];

    /// <summary>One family name and address per seeded client, so an answer that shows one can be told apart.</summary>
    public static readonly string[] FamilyNames = ["Ābeltiņa", "Bērzkalne", "Cīrulīte", "Dālderiņa", "Eglājkalne"];

    public static string Address(int serial) => $"Fuzzu iela {17 + serial}, Daugavpils, LV-5401";

    public static async Task<SeededData> SeedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        await CreateOrganisationAsync(http, "fuzz-org-dgv", "LV-DGV", available: 3, cancellationToken);
        await CreateOrganisationAsync(http, "fuzz-org-rez", "LV-REZ", available: 0, cancellationToken);
        await CreateOrganisationAsync(http, "fuzz-org-077", "LV-077", available: 1, cancellationToken);

        var submitted = new List<(Guid Id, string Municipality, string PersonalCode, string Phone)>();
        string[] languages = ["lv", "ru", "en", "lv", "ru"];
        for (var i = 0; i < Municipalities.Length; i++)
        {
            var (code, phone) = (PersonalCode(101 + (i * 7)), $"+3712000010{i}");
            submitted.Add((await SubmitAsync(http, Municipalities[i], code, languages[i], phone, FamilyNames[i], Address(i), cancellationToken),
                Municipalities[i], code, phone));
        }

        foreach (var referral in submitted)
        {
            await WaitUntilSettledAsync(http, referral.Id, referral.Municipality, cancellationToken);
        }

        // One referral already withdrawn: a final state for the hostile withdrawals and closings to bounce off.
        var last = submitted[^1];
        using (var withdrawn = await http.SendAsync(HttpMethod.Post, $"/api/referrals/{last.Id}/withdraw", FuzzUsers.SocialWorker(last.Municipality),
            new { reason = "Ģimene atteicās" }, cancellationToken))
        {
            Assert.True(withdrawn.StatusCode == HttpStatusCode.OK, $"seed withdraw: {(int)withdrawn.StatusCode} {await withdrawn.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var organisations = (await http.GetAsAsync<JsonArray>("/api/providers/admin/organizations", FuzzUsers.Administrator, cancellationToken)).OfType<JsonObject>().ToList();
        var offers = new List<SeededOffer>();
        foreach (var organisation in organisations.Select(o => (string)o["id"]!))
        {
            var theirs = await http.GetAsAsync<JsonArray>("/api/providers/offers", FuzzUsers.ProviderStaff(organisation), cancellationToken);
            offers.AddRange(theirs.OfType<JsonObject>().Select(o => new SeededOffer(
                Guid.Parse((string)o["offerId"]!), Guid.Parse((string)o["referralId"]!), (string?)o["providerId"] ?? organisation)));
        }

        var referrals = new List<SeededReferral>();
        foreach (var (id, municipality, code, phone) in submitted)
        {
            var messages = await http.GetAsAsync<JsonArray>($"/api/notifications?referralId={id}", FuzzUsers.SocialWorker(municipality), cancellationToken);
            var serial = referrals.Count;
            var view = await http.GetAsAsync<JsonObject>($"/api/referrals/{id}", FuzzUsers.SocialWorker(municipality), cancellationToken);
            referrals.Add(new SeededReferral(id, municipality, code, phone, messages.OfType<JsonObject>().Select(m => (string)m["id"]!).ToList(),
                FamilyNames[serial], Address(serial), (string?)view["client"]?["clientId"]));
        }

        var versions = (await http.GetAsAsync<JsonArray>("/api/eligibility/rulesets", FuzzUsers.Administrator, cancellationToken))
            .OfType<JsonObject>().Select(v => (string)v["version"]!).ToList();
        var ruleSet = await http.GetAsAsync<JsonObject>($"/api/eligibility/rulesets/{versions[0]}", FuzzUsers.Administrator, cancellationToken);

        Assert.NotEmpty(offers);
        Assert.Contains(referrals, r => r.SmsMessageIds.Count > 0);
        var services = organisations
            .SelectMany(o => o["services"]!.AsArray().OfType<JsonObject>().Select(s => ((string)s["id"]!, (string)o["id"]!)))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        return new SeededData
        {
            ReferralIds = referrals.Select(r => r.Id).ToList(),
            OrganisationIds = organisations.Select(o => (string)o["id"]!).ToList(),
            ServiceIds = services.Keys.ToList(),
            OfferIds = offers.Select(o => o.Id).ToList(),
            SmsMessageIds = referrals.SelectMany(r => r.SmsMessageIds).ToList(),
            RuleSetVersions = versions,
            RuleSet = ruleSet,
            Referrals = referrals,
            Offers = offers,
            ServiceOrganisations = services,
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
        using var response = await http.SendAsync(HttpMethod.Post, "/api/providers/organizations", FuzzUsers.Administrator, body, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"seed organisation {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private static async Task<Guid> SubmitAsync(HttpClient http, string municipality, string personalCode, string language, string phone,
        string familyName, string address, CancellationToken cancellationToken)
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
                familyName,
                personalCode,
                dateOfBirth = "1950-01-31",
                gender = "female",
                address,
                declaredMunicipality = municipality,
            },
            family = new { phone, preferredLanguage = language, smsConsent = true },
            consent = Consent(),
        };
        using var response = await http.SendAsync(HttpMethod.Post, "/api/referrals", FuzzUsers.SocialWorker(municipality), body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"seed referral: {(int)response.StatusCode} {text}");
        return Guid.Parse((string)JsonNode.Parse(text)!["id"]!);
    }

    /// <summary>The family's consent, given today in Riga, to processing and to SMS updates.</summary>
    public static object Consent() => new
    {
        givenBy = "person",
        givenOn = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        purposes = new[] { "referral-processing", "sms-updates" },
    };

    private static async Task WaitUntilSettledAsync(HttpClient http, Guid id, string municipality, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        string? status;
        do
        {
            var referral = await http.GetAsAsync<JsonObject>($"/api/referrals/{id}", FuzzUsers.SocialWorker(municipality), cancellationToken);
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
