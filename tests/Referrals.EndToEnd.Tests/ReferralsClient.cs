using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Referrals.EndToEnd.Tests;

/// <summary>What a social worker's and a provider's software would do, through the gateway only.</summary>
public sealed class ReferralsClient(HttpClient gateway)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

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
        using var response = await gateway.PostAsJsonAsync("/api/providers/organizations", body);
        Assert.True(response.IsSuccessStatusCode, $"create organisation {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<Guid> SubmitAsync(string municipality, string serviceType, string clientGroup, string dateOfBirth,
        string personalCode, string language = "lv", string? phone = "+37120000001")
    {
        var body = new
        {
            municipality,
            serviceType,
            clientGroup,
            documents = new[] { "application", "id-document", "gp-certificate", "psychiatrist-opinion", "income-statement" },
            preferredProviderId = (string?)null,
            client = new
            {
                givenName = "Anna",
                familyName = "Bērziņa",
                personalCode,
                dateOfBirth,
                gender = "female",
                address = "Rīgas iela 1, Daugavpils, LV-5401",
                declaredMunicipality = municipality,
            },
            family = new { phone, preferredLanguage = language, smsConsent = phone is not null },
        };
        using var response = await gateway.PostAsJsonAsync("/api/referrals", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit: {(int)response.StatusCode} {text}");
        Assert.NotNull(response.Headers.Location);
        return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }

    public async Task<JsonObject> ReferralAsync(Guid id) =>
        (await gateway.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!;

    /// <summary>Polls the referral until it reaches <paramref name="status"/>; fails with its timeline when it does not.</summary>
    public async Task<JsonObject> WaitForStatusAsync(Guid id, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonObject referral;
        do
        {
            referral = await ReferralAsync(id);
            if (referral["status"]?.GetValue<string>() == status)
            {
                return referral;
            }

            await Task.Delay(150);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Referral {id} did not reach {status}; it is {referral["status"]}:\n{referral["timeline"]}");
        return referral;
    }

    /// <summary>Waits for an offer of this referral that is pending at the given provider (or at any, when null).</summary>
    public async Task<Guid> WaitForPendingOfferAsync(Guid referralId, string? providerId)
    {
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            var filter = providerId is null ? "" : $"&providerId={providerId}";
            var offers = await gateway.GetFromJsonAsync<JsonArray>($"/api/providers/offers?referralId={referralId}{filter}");
            var pending = offers!.OfType<JsonObject>().FirstOrDefault(o => o["status"]?.GetValue<string>() == "Pending");
            if (pending is not null)
            {
                return Guid.Parse(pending["offerId"]!.GetValue<string>());
            }

            await Task.Delay(150);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"No pending offer of {referralId} at {providerId}");
        return Guid.Empty;
    }

    public async Task WaitForOfferStatusAsync(Guid referralId, Guid offerId, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            var offers = await gateway.GetFromJsonAsync<JsonArray>($"/api/providers/offers?referralId={referralId}");
            if (offers!.OfType<JsonObject>().Any(o => o["offerId"]?.GetValue<string>() == offerId.ToString() && o["status"]?.GetValue<string>() == status))
            {
                return;
            }

            await Task.Delay(150);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Offer {offerId} never became {status}");
    }

    public Task<HttpResponseMessage> AcceptAsync(Guid offerId) =>
        gateway.PostAsync($"/api/providers/offers/{offerId}/accept", null);

    public Task<HttpResponseMessage> DeclineAsync(Guid offerId, string reason, string? text = null) =>
        gateway.PostAsJsonAsync($"/api/providers/offers/{offerId}/decline", new { reason, text });

    public Task<HttpResponseMessage> WithdrawAsync(Guid referralId, string reason) =>
        gateway.PostAsJsonAsync($"/api/referrals/{referralId}/withdraw", new { reason });

    public Task<HttpResponseMessage> SetCapacityAsync(string serviceId, int available, int maximum = 20) =>
        gateway.PutAsJsonAsync($"/api/providers/services/{serviceId}/capacity", new { available, maximum });

    /// <summary>Waits until the family's SMS for the given statuses exist, then returns every SMS of the referral.</summary>
    public async Task<JsonArray> WaitForSmsAsync(Guid referralId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonArray messages;
        do
        {
            messages = (await gateway.GetFromJsonAsync<JsonArray>($"/api/notifications?referralId={referralId}"))!;
            var have = messages.Select(m => m!["status"]!.GetValue<string>()).ToList();
            if (statuses.All(have.Contains))
            {
                return messages;
            }

            await Task.Delay(150);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"SMS for {string.Join(", ", statuses)} not all sent for {referralId}: {messages}");
        return messages;
    }
}
