using System.Diagnostics;

namespace Referrals.Benchmarks.Harness;

/// <summary>Exact percentiles of recorded latencies (all samples kept and sorted; runs are bounded, so this is cheap).</summary>
public sealed record Percentiles(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static Percentiles FromTimestampTicks(long[] ticks)
    {
        if (ticks.Length == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(ticks);
        double At(double quantile) => ToMs(ticks[(int)Math.Min(ticks.Length - 1, Math.Ceiling(quantile * ticks.Length) - 1)]);
        return new Percentiles(ticks.Length, At(0.50), At(0.90), At(0.99), ToMs(ticks[^1]));
    }

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
