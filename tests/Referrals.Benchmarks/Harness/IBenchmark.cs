namespace Referrals.Benchmarks.Harness;

/// <summary>One subcommand of the harness. New benchmarks (lifecycle, embedded, …) are added to <see cref="BenchmarkHost"/>.</summary>
public interface IBenchmark
{
    /// <summary>The subcommand name, e.g. <c>gateway</c>.</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>Whether the benchmark needs the RabbitMQ broker (its version is then part of the header).</summary>
    bool NeedsBroker { get; }

    Task RunAsync(BenchOptions options, Report report, CancellationToken cancellationToken);
}
