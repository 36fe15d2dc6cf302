using Referrals.ServiceDefaults.Security;

namespace Referrals.Fuzz.Tests;

/// <summary>
/// Everything the seeded data's rightful users can read about it: each answer's status and body, by URL and reader
/// (the social worker of the referral's municipality, the staff of each provider, the administrator for the directory).
/// </summary>
public static partial class ObservableState
{
    /// <summary>Problem details carry the trace id of the request that got them: new with every read, not a change.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TraceId();

    public static List<(string Url, DemoUser Reader)> Urls(SeededData seeded)
    {
        var admin = FuzzUsers.Administrator;
        var urls = new List<(string Url, DemoUser Reader)>
        {
            ("/api/providers/admin/organizations", admin),
            ("/api/providers/organizations", admin),
            ("/api/providers/services", admin),
            ("/api/eligibility/rulesets", admin),
        };
        urls.AddRange(seeded.Municipalities.Select(m => ("/api/referrals", FuzzUsers.SocialWorker(m))));
        urls.AddRange(seeded.RelevantProviders.Select(o => ("/api/providers/offers", FuzzUsers.ProviderStaff(o))));
        foreach (var referral in seeded.Referrals)
        {
            var owner = FuzzUsers.SocialWorker(referral.Municipality);
            urls.Add(($"/api/referrals/{referral.Id}", owner));
            urls.Add(($"/api/notifications?referralId={referral.Id}", owner));
            urls.Add(($"/api/eligibility/assessments/{referral.Id}", owner));
            urls.Add(($"/api/providers/offers?referralId={referral.Id}", owner));
            urls.Add(($"/api/providers/referrals/{referral.Id}", owner));
            urls.AddRange(seeded.Offers.Where(o => o.ReferralId == referral.Id).Select(o => o.ProviderId).Distinct()
                .Select(p => ($"/api/providers/referrals/{referral.Id}", FuzzUsers.ProviderStaff(p))));
        }

        urls.AddRange(seeded.OrganisationIds.Select(id => ($"/api/providers/admin/organizations/{Uri.EscapeDataString(id)}", admin)));
        urls.AddRange(seeded.ServiceIds.Select(id => ($"/api/providers/services/{Uri.EscapeDataString(id)}/capacity", admin)));
        urls.AddRange(seeded.RuleSetVersions.Select(v => ($"/api/eligibility/rulesets/{Uri.EscapeDataString(v)}", admin)));
        return urls;
    }

    public static async Task<SortedDictionary<string, string>> ReadAsync(HttpClient http, IEnumerable<(string Url, DemoUser Reader)> urls, CancellationToken cancellationToken)
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (url, reader) in urls)
        {
            using var response = await http.SendAsync(HttpMethod.Get, url, reader, null, cancellationToken);
            var body = TraceId().Replace(await response.Content.ReadAsStringAsync(cancellationToken), "\"traceId\":\"…\"");
            state[$"{url} as {reader.Id}"] = $"{(int)response.StatusCode} {body}";
        }

        return state;
    }

    /// <summary>
    /// Reads every second until nothing has changed for <see cref="Quiet"/>: the seeded lifecycle (events, SMS, the
    /// retries of an event that came early, the outbox sweep) has come to rest.
    /// </summary>
    public static async Task<SortedDictionary<string, string>> SettledAsync(HttpClient http, IReadOnlyList<(string Url, DemoUser Reader)> urls, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        var previous = await ReadAsync(http, urls, cancellationToken);
        var since = DateTime.UtcNow;
        while (true)
        {
            await Task.Delay(1_000, cancellationToken);
            var current = await ReadAsync(http, urls, cancellationToken);
            var differences = Differences(previous, current);
            if (differences.Count == 0 && DateTime.UtcNow - since >= Quiet)
            {
                return current;
            }

            if (differences.Count > 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The seeded state never came to rest:\n" + string.Join('\n', differences.Take(5)));
                }

                since = DateTime.UtcNow;
                previous = current;
            }
        }
    }

    /// <summary>Longer than the platform's slowest own step: an early event retried every 5 s, the outbox swept after 5 s.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(8);

    public static List<string> Differences(SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        var differences = new List<string>();
        foreach (var url in before.Keys.Union(after.Keys))
        {
            before.TryGetValue(url, out var was);
            after.TryGetValue(url, out var now);
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                differences.Add($"GET {url}\n  before: {HostileRequests.Excerpt(was ?? "(absent)", 600)}\n  after:  {HostileRequests.Excerpt(now ?? "(absent)", 600)}");
            }
        }

        return differences;
    }
}
