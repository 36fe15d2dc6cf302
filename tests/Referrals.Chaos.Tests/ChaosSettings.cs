using System.Globalization;

namespace Referrals.Chaos.Tests;

/// <summary>
/// The size of a run. CI runs the default (120 referrals, a 10 s SMS gateway outage); <c>scripts/chaos.sh</c> runs the
/// full size (<c>REFERRALS_CHAOS_REFERRALS=1000</c>, 30 s outage). A run prints its seed; <c>REFERRALS_CHAOS_SEED</c>
/// repeats its fault moments.
/// </summary>
public sealed record ChaosSettings(int Referrals, TimeSpan SubmissionPeriod, TimeSpan KannelOutage, TimeSpan SettleTimeout, int Seed,
    bool IsFullSize)
{
    public const int CiReferrals = 120;
    public const int FullReferrals = 1000;

    public static ChaosSettings FromEnvironment()
    {
        var referrals = Number("REFERRALS_CHAOS_REFERRALS") ?? CiReferrals;
        var full = referrals >= FullReferrals;
        // Long enough that every fault lands while referrals are still coming in.
        var period = TimeSpan.FromSeconds(Number("REFERRALS_CHAOS_SECONDS") ?? Math.Max(60, referrals * 12 / 100));
        var outage = TimeSpan.FromSeconds(Number("REFERRALS_CHAOS_KANNEL_OUTAGE_SECONDS") ?? (full ? 30 : 10));
        var settle = TimeSpan.FromSeconds(full ? 300 : 120);
        var seed = Number("REFERRALS_CHAOS_SEED") ?? Random.Shared.Next(1, 1_000_000);
        return new ChaosSettings(referrals, period, outage, settle, seed, full);
    }

    /// <summary>The smaller run of the graceful-shutdown test.</summary>
    public ChaosSettings ForGracefulShutdown() =>
        this with { Referrals = Math.Max(40, Referrals / 2), SubmissionPeriod = TimeSpan.FromSeconds(Math.Max(40, SubmissionPeriod.TotalSeconds * 2 / 3)) };

    private static int? Number(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
}
