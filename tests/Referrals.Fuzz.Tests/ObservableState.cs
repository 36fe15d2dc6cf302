namespace Referrals.Fuzz.Tests;

/// <summary>Everything a client can read about the seeded data: each answer's status and body, by URL.</summary>
public static class ObservableState
{
    public static List<string> Urls(SeededData seeded)
    {
        var urls = new List<string>
        {
            "/api/referrals",
            "/api/providers/admin/organizations",
            "/api/providers/offers",
            "/api/providers/organizations",
            "/api/providers/services",
            "/api/eligibility/rulesets",
        };
        foreach (var id in seeded.ReferralIds)
        {
            urls.Add($"/api/referrals/{id}");
            urls.Add($"/api/notifications?referralId={id}");
            urls.Add($"/api/eligibility/assessments/{id}");
            urls.Add($"/api/providers/offers?referralId={id}");
            urls.Add($"/api/providers/referrals/{id}");
        }

        urls.AddRange(seeded.OrganisationIds.Select(id => $"/api/providers/admin/organizations/{Uri.EscapeDataString(id)}"));
        urls.AddRange(seeded.ServiceIds.Select(id => $"/api/providers/services/{Uri.EscapeDataString(id)}/capacity"));
        urls.AddRange(seeded.RuleSetVersions.Select(v => $"/api/eligibility/rulesets/{Uri.EscapeDataString(v)}"));
        return urls;
    }

    public static async Task<SortedDictionary<string, string>> ReadAsync(HttpClient http, IEnumerable<string> urls, CancellationToken cancellationToken)
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
            state[url] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }

        return state;
    }

    /// <summary>Reads until two reads a second apart agree: the seeded lifecycle (events, SMS) has come to rest.</summary>
    public static async Task<SortedDictionary<string, string>> SettledAsync(HttpClient http, IReadOnlyList<string> urls, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        var previous = await ReadAsync(http, urls, cancellationToken);
        while (true)
        {
            await Task.Delay(1_000, cancellationToken);
            var current = await ReadAsync(http, urls, cancellationToken);
            var differences = Differences(previous, current);
            if (differences.Count == 0)
            {
                return current;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The seeded state never came to rest:\n" + string.Join('\n', differences.Take(5)));
            }

            previous = current;
        }
    }

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
