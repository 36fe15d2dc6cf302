namespace Referrals.Benchmarks.Harness;

/// <summary>Durations and counts of one run. Every loop in the harness stops on a count and on a time, whichever comes first.</summary>
public sealed record RunBounds(
    TimeSpan WholeRun,
    TimeSpan HttpWarmup,
    TimeSpan HttpDuration,
    int Rounds,
    long HttpMaxRequestsPerPhase,
    int PipelineMessages,
    int PipelineWarmupMessages,
    int SweepMessages,
    TimeSpan PipelineRunLimit)
{
    public static readonly RunBounds QuickRun = new(
        WholeRun: TimeSpan.FromMinutes(20),
        HttpWarmup: TimeSpan.FromSeconds(2),
        HttpDuration: TimeSpan.FromSeconds(4),
        Rounds: 1,
        HttpMaxRequestsPerPhase: 5_000_000,
        PipelineMessages: 3_000,
        PipelineWarmupMessages: 500,
        SweepMessages: 1_000,
        PipelineRunLimit: TimeSpan.FromSeconds(60));

    public static readonly RunBounds FullRun = new(
        WholeRun: TimeSpan.FromMinutes(60),
        HttpWarmup: TimeSpan.FromSeconds(5),
        HttpDuration: TimeSpan.FromSeconds(15),
        Rounds: 3,
        HttpMaxRequestsPerPhase: 50_000_000,
        PipelineMessages: 20_000,
        PipelineWarmupMessages: 1_000,
        SweepMessages: 10_000,
        PipelineRunLimit: TimeSpan.FromMinutes(3));
}
