using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Lifecycle;

/// <summary>
/// What a municipality's and a provider's software do, through the public API only (the gateway, or the embedded host):
/// register providers (as the administrator), submit referrals and read back the family's SMS (as the municipality's
/// social worker, the client's default token). The same body as the end-to-end tests use, consent included.
/// </summary>
internal sealed class LifecycleClient : IDisposable
{
    public const string Municipality = BenchIdentity.Municipality;
    public const string ServiceType = "long-term-care";
    public const string ClientGroup = "elderly";

    /// <summary>Per service the directory allows at most 10,000 places; several providers give room for long runs.</summary>
    public const int PlacesPerProvider = 10_000;

    private readonly HttpClient _http;

    public LifecycleClient(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = BenchIdentity.SocialWorker;
    }

    public HttpClient Http => _http;

    public async Task CreateProvidersAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"bench-ltc-{i}";
            var body = new
            {
                id,
                name = $"Bench pansionāts {i}",
                phone = "+37165400000",
                email = (string?)null,
                municipality = Municipality,
                services = new[]
                {
                    new
                    {
                        id = "svc-" + id, serviceType = ServiceType, clientGroups = new[] { ClientGroup }, minAge = (int?)18,
                        maxAge = (int?)null, gender = (string?)null, maximum = PlacesPerProvider, available = PlacesPerProvider,
                    },
                },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/providers/organizations", UriKind.Relative))
            {
                Content = JsonContent.Create(body),
            };
            request.Headers.Authorization = BenchIdentity.Administrator;
            using var response = await _http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"creating provider {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>Submits referral number <paramref name="index"/>; returns its id, or null when not answered 201.</summary>
    public async Task<Guid?> SubmitAsync(long index, CancellationToken cancellationToken)
    {
        var (personalCode, dateOfBirth) = PersonalCodes.Nth(index);
        var body = new
        {
            municipality = Municipality,
            serviceType = ServiceType,
            clientGroup = ClientGroup,
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
                declaredMunicipality = Municipality,
            },
            family = new { phone = "+37120000001", preferredLanguage = "lv", smsConsent = true },
            consent = new
            {
                givenBy = "person",
                givenOn = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                purposes = new[] { "referral-processing", "sms-updates" },
            },
        };
        using var response = await _http.PostAsJsonAsync(new Uri("/api/referrals", UriKind.Relative), body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return null;
        }

        var created = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return Guid.TryParse(created?["id"]?.GetValue<string>(), out var id) ? id : null;
    }

    /// <summary>
    /// When the referral's Placed SMS was handed to the sender (first history entry Sent/Accepted/Delivered),
    /// or null when it has not been yet.
    /// </summary>
    public async Task<DateTimeOffset?> PlacedSmsHandedOverAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var messages = await _http.GetFromJsonAsync<JsonArray>(new Uri($"/api/notifications?referralId={referralId}", UriKind.Relative), cancellationToken);
        var placed = messages?.OfType<JsonObject>().FirstOrDefault(m => m["status"]?.GetValue<string>() == "Placed");
        var handedOver = placed?["history"]?.AsArray().OfType<JsonObject>()
            .Where(h => h["state"]?.GetValue<string>() is "Sent" or "Accepted" or "Delivered")
            .Select(h => h["at"]!.GetValue<DateTimeOffset>())
            .Order()
            .FirstOrDefault();
        return handedOver is { } at && at != default ? at : null;
    }

    public void Dispose() => _http.Dispose();
}
