namespace Referrals.Benchmarks.Pipeline;

/// <summary>One pipeline run. Both implementations get exactly the same values.</summary>
public sealed record PipelineSettings(
    int PrefetchCount,
    int ConcurrentMessageLimit,
    int OutstandingPublishes,
    int Messages,
    int WarmupMessages,
    TimeSpan ConsumerWork,
    TimeSpan Limit);

public sealed record PipelineResult(string Implementation, PipelineSettings Settings, long Consumed, TimeSpan PublishElapsed, TimeSpan TotalElapsed, bool TimedOut)
{
    /// <summary>Messages published and consumed per second, from the first publish to the last consume.</summary>
    public double MessagesPerSecond => Math.Min(Consumed, Settings.Messages) / TotalElapsed.TotalSeconds;

    public double PublishesPerSecond => Settings.Messages / PublishElapsed.TotalSeconds;
}

/// <summary>An implementation of the publish→consume path under test.</summary>
public interface IPipelineDriver : IAsyncDisposable
{
    /// <summary>What the driver's consumer counts.</summary>
    ConsumeCounter Counter { get; }

    /// <summary>Connects, declares the topology and starts consuming.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Publishes one message and completes when the broker has confirmed it.</summary>
    Task PublishAsync(BenchMessage message, CancellationToken cancellationToken);
}
