using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Benchmarks.Harness;

/// <summary>
/// Who the harness is to the platform: every process runs the built-in development sign-in, and the harness signs its
/// own tokens with the published development key (as the test suite does) for the municipality's social worker, each
/// provider's staff and the administrator. Also the front door's limits, raised for load runs.
/// </summary>
internal static class BenchIdentity
{
    public const string Municipality = "LV-DGV";

    private static readonly IdentityOptions Development = new() { Mode = IdentityMode.Development };
    private static readonly ConcurrentDictionary<string, AuthenticationHeaderValue> Headers = new(StringComparer.Ordinal);

    /// <summary>The social worker who submits the benchmark's referrals and follows them.</summary>
    public static AuthenticationHeaderValue SocialWorker => Bearer(new DemoUser(
        "bench-sw", "Bench Social Worker", Roles.SocialWorker, Municipality, null, null, "benchmark"));

    public static AuthenticationHeaderValue Administrator => Bearer(new DemoUser(
        "bench-admin", "Bench Administrator", Roles.Administrator, null, null, null, "benchmark"));

    public static AuthenticationHeaderValue ProviderStaff(string providerId) => Bearer(new DemoUser(
        "bench-ps-" + providerId, "Bench Provider Staff", Roles.ProviderStaff, null, providerId, null, "benchmark"));

    /// <summary>
    /// Settings of every process: development sign-in, and the rate limits of the front door (gateway, embedded host)
    /// raised far above any benchmark rate, so a benchmark measures the platform, not the 429s of its defaults
    /// (20 requests/s per user, 50 per IP address).
    /// </summary>
    public static Dictionary<string, string> Settings() => new()
    {
        ["Identity__Mode"] = "Development",
        ["Edge__UserRequestsPerSecond"] = "100000",
        ["Edge__UserBurst"] = "1000000",
        ["Edge__AddressRequestsPerSecond"] = "100000",
        ["Edge__AddressBurst"] = "1000000",
    };

    /// <summary>For the reports' settings paragraphs.</summary>
    public const string Described =
        "Every request carries a bearer token (development sign-in, validated by the gateway and again by the service); the front " +
        "door's rate limits are raised for the run (`Edge__UserRequestsPerSecond`/`Edge__AddressRequestsPerSecond` 100,000, bursts " +
        "1,000,000; production defaults 20/s per user, 50/s per IP address), the body size limit is unchanged.";

    private static AuthenticationHeaderValue Bearer(DemoUser user) =>
        Headers.GetOrAdd(user.Id, _ => new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(Development, user, DateTimeOffset.UtcNow)));
}
