using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;
using Xunit;

namespace Referrals.EndToEnd.Tests;

/// <summary>The personal data of a referral's client and family: the defaults, or distinctive values a test looks for.</summary>
public sealed record ClientDetails(
    string GivenName = "Anna",
    string FamilyName = "Bērziņa",
    string Address = "Rīgas iela 1, Daugavpils, LV-5401",
    string? Phone = "+37120000001");

/// <summary>
/// What a social worker's, a provider's and an administrator's software would do, through the gateway only, each call
/// with the bearer token of the user who may make it: the social worker of the referral's municipality, the staff of
/// the provider that got the offer, the administrator for the directory.
/// </summary>
public sealed class ReferralsClient(HttpClient gateway)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<Guid, string> _municipalities = new();

    public static DemoUser SocialWorker(string municipality) =>
        TestTokens.SocialWorker(municipality, "e2e-sw-" + municipality.ToLowerInvariant());

    public static DemoUser ProviderStaff(string providerId) => TestTokens.ProviderStaff(providerId, "e2e-ps-" + providerId);

    public static DemoUser Administrator { get; } = TestTokens.Administrator("e2e-admin");

    /// <summary>Today in Riga, where consent is given.</summary>
    public static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task CreateOrganisationAsync(string id, string municipality, string serviceType, string clientGroup,
        int available, int? minAge = 18, int? maxAge = null, string? name = null)
    {
        var body = new
        {
            id,
            name = name ?? $"Pakalpojumu sniedzējs {id}",
            phone = "+37165400000",
            email = (string?)null,
            municipality,
            services = new[]
            {
                new { id = "svc-" + id, serviceType, clientGroups = new[] { clientGroup }, minAge, maxAge, gender = (string?)null, maximum = 20, available },
            },
        };
        using var response = await SendAsync(HttpMethod.Post, "/api/providers/organizations", Administrator, body);
        Assert.True(response.IsSuccessStatusCode, $"create organisation {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The body a social worker's software posts: a complete referral with the family's consent.</summary>
    public static object SubmissionBody(string municipality, string serviceType, string clientGroup, string dateOfBirth,
        string personalCode, string language = "lv", ClientDetails? details = null)
    {
        details ??= new ClientDetails();
        var sms = details.Phone is not null;
        return new
        {
            municipality,
            serviceType,
            clientGroup,
            documents = new[] { "application", "id-document", "gp-certificate", "psychiatrist-opinion", "income-statement" },
            preferredProviderId = (string?)null,
            client = new
            {
                givenName = details.GivenName,
                familyName = details.FamilyName,
                personalCode,
                dateOfBirth,
                gender = "female",
                address = details.Address,
                declaredMunicipality = municipality,
            },
            family = new { phone = details.Phone, preferredLanguage = language, smsConsent = sms },
            consent = new
            {
                givenBy = "person",
                givenOn = Today,
                purposes = sms ? new[] { "referral-processing", "sms-updates" } : ["referral-processing"],
            },
        };
    }

    public async Task<Guid> SubmitAsync(string municipality, string serviceType, string clientGroup, string dateOfBirth,
        string personalCode, string language = "lv", string? phone = "+37120000001") =>
        await SubmitAsync(municipality, serviceType, clientGroup, dateOfBirth, personalCode, language, new ClientDetails(Phone: phone));

    public async Task<Guid> SubmitAsync(string municipality, string serviceType, string clientGroup, string dateOfBirth,
        string personalCode, string language, ClientDetails details)
    {
        var body = SubmissionBody(municipality, serviceType, clientGroup, dateOfBirth, personalCode, language, details);
        using var response = await SendAsync(HttpMethod.Post, "/api/referrals", SocialWorker(municipality), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit: {(int)response.StatusCode} {text}");
        Assert.NotNull(response.Headers.Location);
        var id = Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
        _municipalities[id] = municipality;
        return id;
    }

    /// <summary>The social worker of the referral's municipality (known from the submission).</summary>
    public DemoUser OwnerOf(Guid referralId) =>
        SocialWorker(_municipalities.TryGetValue(referralId, out var municipality)
            ? municipality
            : throw new InvalidOperationException($"Referral {referralId} was not submitted through this client."));

    public async Task<JsonObject> ReferralAsync(Guid id) => (await GetAsync<JsonObject>($"/api/referrals/{id}", OwnerOf(id)))!;

    /// <summary>Polls the referral until it reaches <paramref name="status"/>; fails with its timeline when it does not.</summary>
    public Task<JsonObject> WaitForStatusAsync(Guid id, string status) =>
        WaitForReferralAsync(id, referral => referral["status"]?.GetValue<string>() == status, status);

    /// <summary>Waits until a line of the referral's timeline matches.</summary>
    public Task<JsonObject> WaitForTimelineAsync(Guid id, Func<JsonObject, bool> line, string what) =>
        WaitForReferralAsync(id, referral => referral["timeline"]!.AsArray().Any(l => line(l!.AsObject())), what);

    private async Task<JsonObject> WaitForReferralAsync(Guid id, Func<JsonObject, bool> reached, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonObject referral;
        do
        {
            referral = await ReferralAsync(id);
            if (reached(referral))
            {
                return referral;
            }

            await Task.Delay(PollInterval);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Referral {id} did not reach {what}; it is {referral["status"]}:\n{referral["timeline"]}");
        return referral;
    }

    /// <summary>Waits for an offer of this referral pending at the provider, as that provider's staff sees its offers.</summary>
    public async Task<Guid> WaitForPendingOfferAsync(Guid referralId, string providerId) =>
        (await WaitForPendingOfferAsync(referralId, [providerId])).OfferId;

    /// <summary>Waits for an offer of this referral pending at one of the candidates (each asked as its own staff).</summary>
    public async Task<(Guid OfferId, string ProviderId)> WaitForPendingOfferAsync(Guid referralId, IReadOnlyList<string> candidates)
    {
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            foreach (var providerId in candidates)
            {
                var offers = await OffersAsync(referralId, providerId);
                var pending = offers.FirstOrDefault(o => o["status"]?.GetValue<string>() == "Pending");
                if (pending is not null)
                {
                    return (Guid.Parse(pending["offerId"]!.GetValue<string>()), providerId);
                }
            }

            await Task.Delay(PollInterval);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"No pending offer of {referralId} at {string.Join(", ", candidates)}");
        return default;
    }

    public async Task<List<JsonObject>> OffersAsync(Guid referralId, string providerId) =>
        (await GetAsync<JsonArray>($"/api/providers/offers?referralId={referralId}", ProviderStaff(providerId)))!.OfType<JsonObject>().ToList();

    public async Task WaitForOfferStatusAsync(Guid referralId, Guid offerId, string providerId, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            var offers = await OffersAsync(referralId, providerId);
            if (offers.Any(o => o["offerId"]?.GetValue<string>() == offerId.ToString() && o["status"]?.GetValue<string>() == status))
            {
                return;
            }

            await Task.Delay(PollInterval);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Offer {offerId} never became {status}");
    }

    public Task<HttpResponseMessage> AcceptAsync(Guid offerId, string providerId) =>
        SendAsync(HttpMethod.Post, $"/api/providers/offers/{offerId}/accept", ProviderStaff(providerId));

    public Task<HttpResponseMessage> DeclineAsync(Guid offerId, string providerId, string reason, string? text = null) =>
        SendAsync(HttpMethod.Post, $"/api/providers/offers/{offerId}/decline", ProviderStaff(providerId), new { reason, text });

    public Task<HttpResponseMessage> WithdrawAsync(Guid referralId, string reason) =>
        SendAsync(HttpMethod.Post, $"/api/referrals/{referralId}/withdraw", OwnerOf(referralId), new { reason });

    public Task<HttpResponseMessage> SetCapacityAsync(string serviceId, int available, int maximum = 20) =>
        SendAsync(HttpMethod.Put, $"/api/providers/services/{serviceId}/capacity", Administrator, new { available, maximum });

    /// <summary>Waits until the family's SMS for the given statuses exist, then returns every SMS of the referral.</summary>
    public async Task<JsonArray> WaitForSmsAsync(Guid referralId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonArray messages;
        do
        {
            messages = (await GetAsync<JsonArray>($"/api/notifications?referralId={referralId}", OwnerOf(referralId)))!;
            var have = messages.Select(m => m!["status"]!.GetValue<string>()).ToList();
            if (statuses.All(have.Contains))
            {
                return messages;
            }

            await Task.Delay(PollInterval);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"SMS for {string.Join(", ", statuses)} not all sent for {referralId}: {messages}");
        return messages;
    }

    public async Task<T?> GetAsync<T>(string path, DemoUser user)
    {
        using var response = await SendAsync(HttpMethod.Get, path, user);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} as {user.Id}: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(text);
    }

    /// <summary>
    /// One call as <paramref name="user"/>. A 429 from the front door's rate limit is waited out as a well-behaved client
    /// would (Retry-After), a bounded number of times: the tests poll, and the limits are the production defaults.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, DemoUser? user, object? body = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (user is not null)
            {
                request.As(user);
            }

            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            var response = await gateway.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 10)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }
}
