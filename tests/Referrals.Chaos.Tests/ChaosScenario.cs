namespace Referrals.Chaos.Tests;

/// <summary>
/// Where a run's referrals live: a municipality, a service type and providers no other run uses, so two runs on the
/// same system cannot meet (no shared places, waitlist or worklist) and each run's expectations stay computable.
/// </summary>
/// <param name="PhoneOffset">Added to the referral index for its phone number: each SMS belongs to one referral of one run.</param>
public sealed record ChaosScenario(
    string Municipality,
    string ServiceType,
    string ClientGroup,
    string DateOfBirth,
    string ProviderPrefix,
    int PhoneOffset)
{
    /// <summary>Long-term care in Daugavpils: the kill -9, broker and SMS gateway run.</summary>
    public static ChaosScenario Crashes { get; } = new("LV-DGV", "long-term-care", "elderly", "1950-01-31", "chaos-ltc", 0);

    /// <summary>Home care in Rēzekne: the graceful shutdown run.</summary>
    public static ChaosScenario GracefulShutdown { get; } = new("LV-REZ", "home-care", "elderly", "1940-04-11", "chaos-hc", 500_000);
}
