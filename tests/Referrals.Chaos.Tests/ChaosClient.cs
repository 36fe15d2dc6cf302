using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;

namespace Referrals.Chaos.Tests;

/// <summary>The answer to one call: status and body, or the transport error when there was no answer at all.</summary>
public sealed record CallResult(HttpStatusCode? Status, string Body, string? TransportError)
{
    /// <summary>No answer, or one a well-behaved client retries (the gateway's 502/503/504, a 500 mid-crash, 429).</summary>
    public bool IsTransient => Status is null or HttpStatusCode.TooManyRequests || (int)Status >= 500;

    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

    public override string ToString() => Status is null ? $"no answer ({TransportError})" : $"{(int)Status} {Body}";
}

/// <summary>
/// The social worker's and the providers' software, through the gateway only, each call with the bearer token of the
/// user who may make it. Tokens are made once per user (signing is not free at a thousand calls).
/// </summary>
public sealed class ChaosClient(HttpClient gateway, string municipality)
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    /// <summary>The social worker of the run's municipality: submits and reads its referrals.</summary>
    public DemoUser SocialWorker { get; } = TestTokens.SocialWorker(municipality, "chaos-sw-" + municipality.ToLowerInvariant());

    public static DemoUser Administrator { get; } = TestTokens.Administrator("chaos-admin");

    public static DemoUser ProviderStaff(string providerId) => TestTokens.ProviderStaff(providerId, "chaos-ps-" + providerId);

    public async Task<CallResult> SendAsync(HttpMethod method, string path, DemoUser user, object? body = null,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.GetOrAdd(user.Id, _ => TestTokens.For(user)));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await gateway.SendAsync(request);
            return new CallResult(response.StatusCode, await response.Content.ReadAsStringAsync(), null);
        }
        catch (HttpRequestException e)
        {
            return new CallResult(null, "", e.Message);
        }
        catch (TaskCanceledException)
        {
            return new CallResult(null, "", "timed out");
        }
    }

    /// <summary>A call that must succeed in the end: transient failures (a service or the broker restarting) are retried.</summary>
    public async Task<CallResult> PersistAsync(HttpMethod method, string path, DemoUser user, object? body = null, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var result = await SendAsync(method, path, user, body);
            if (!result.IsTransient || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(250);
        }
    }

    public async Task CreateProviderAsync(string id, string serviceType, string clientGroup, int places)
    {
        var body = new
        {
            id,
            name = "Chaos care " + id[^1..].ToUpperInvariant(),
            phone = "+37165400000",
            email = (string?)null,
            municipality,
            services = new[]
            {
                new { id = ServiceIdOf(id), serviceType, clientGroups = new[] { clientGroup }, minAge = (int?)18, maxAge = (int?)null, gender = (string?)null, maximum = places, available = places },
            },
        };
        var result = await PersistAsync(HttpMethod.Post, "/api/providers/organizations", Administrator, body);
        if (result.Status is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"create provider {id}: {result}");
        }
    }

    public static string ServiceIdOf(string providerId) => "svc-" + providerId;

    public async Task<JsonObject> ReferralAsync(Guid id)
    {
        var result = await PersistAsync(HttpMethod.Get, $"/api/referrals/{id}", SocialWorker);
        return result.Status == HttpStatusCode.OK
            ? (JsonObject)result.Json!
            : throw new InvalidOperationException($"GET referral {id}: {result}");
    }

    /// <summary>The offers of one status made to a provider, as its staff sees them.</summary>
    public async Task<List<JsonObject>> OffersAsync(string providerId, string status)
    {
        var result = await SendAsync(HttpMethod.Get, $"/api/providers/offers?status={status}", ProviderStaff(providerId));
        return result.Status == HttpStatusCode.OK
            ? result.Json!.AsArray().OfType<JsonObject>().ToList()
            : throw new InvalidOperationException($"GET {status} offers of {providerId}: {result}");
    }

    public async Task<List<JsonObject>> ReferralListAsync(string status)
    {
        var result = await PersistAsync(HttpMethod.Get, $"/api/referrals?municipality={municipality}&status={status}", SocialWorker);
        return result.Status == HttpStatusCode.OK
            ? result.Json!.AsArray().OfType<JsonObject>().ToList()
            : throw new InvalidOperationException($"GET referrals {status}: {result}");
    }

    public async Task<JsonObject> CapacityAsync(string providerId)
    {
        var result = await PersistAsync(HttpMethod.Get, $"/api/providers/services/{ServiceIdOf(providerId)}/capacity", Administrator);
        return result.Status == HttpStatusCode.OK
            ? (JsonObject)result.Json!
            : throw new InvalidOperationException($"GET capacity of {providerId}: {result}");
    }

    /// <summary>
    /// What the Notification service recorded of one SMS of a referral (the one for <paramref name="status"/>): its
    /// state and the states it went through, for diagnosis.
    /// </summary>
    public async Task<string> NotificationAsync(Guid referralId, string status)
    {
        var result = await SendAsync(HttpMethod.Get, $"/api/notifications?referralId={referralId}", SocialWorker);
        if (result.Status != HttpStatusCode.OK)
        {
            return $"cannot read: {result}";
        }

        var sms = result.Json!.AsArray().OfType<JsonObject>().Where(m => m["status"]?.GetValue<string>() == status).ToList();
        return sms.Count == 0
            ? "Notification has no SMS record for it"
            : string.Join("; ", sms.Select(m => $"SMS {m["id"]} state {m["state"]}, history "
                + string.Join(" → ", m["history"]!.AsArray().Select(h => $"{h!["state"]}{(h["detail"] is { } d ? $" ({d})" : "")}"))));
    }
}
