namespace Referrals.Benchmarks.Lifecycle;

/// <summary>Rates and durations of the lifecycle benchmark; every phase is bounded by count (rate × duration) and time.</summary>
internal sealed record LifecycleSettings(
    int[] Rates,
    TimeSpan StepDuration,
    TimeSpan HalfRateDuration,
    TimeSpan DrainLimit,
    int WarmupReferrals)
{
    public const double P99LimitMs = 1_000;
    public const double TargetRate = 200;
    public const double WarmupRate = 10;
    public const long ServiceMemoryTargetBytes = 250L * 1024 * 1024;

    public static readonly LifecycleSettings Quick = new([5, 10, 25, 50, 100], TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), 100);

    public static readonly LifecycleSettings Full = new([10, 25, 50, 100, 150, 200, 300], TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), 300);

    /// <summary>Referrals the longest possible run submits (every step passes, then the half-rate phase at half the highest).</summary>
    public long MaxReferrals =>
        WarmupReferrals + (long)(Rates.Sum() * StepDuration.TotalSeconds) + (long)(Rates.Max() / 2.0 * HalfRateDuration.TotalSeconds);
}
