using Referrals.Benchmarks.Embedded;
using Referrals.Benchmarks.Gateway;
using Referrals.Benchmarks.Lifecycle;
using Referrals.Benchmarks.Pipeline;
using Referrals.Benchmarks.Store;

namespace Referrals.Benchmarks.Harness;

/// <summary>Parses the command line, prints the machine and versions, runs the chosen benchmarks, writes the markdown.</summary>
public static class BenchmarkHost
{
    private static readonly IReadOnlyList<IBenchmark> Benchmarks = [new GatewayBenchmark(), new PipelineBenchmark(), new LifecycleBenchmark(), new EmbeddedBenchmark(), new StoreBenchmark()];

    public static async Task<int> RunAsync(string[] args)
    {
        if (!BenchOptions.TryParse(args, Benchmarks.Select(b => b.Name).ToList(), out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(BenchOptions.Usage(Benchmarks.Select(b => b.Name)));
            return 2;
        }

        var selected = options.Command == BenchOptions.All
            ? Benchmarks
            : Benchmarks.Where(b => b.Name == options.Command).ToList();

        using var cancellation = new CancellationTokenSource(options.Bounds.WholeRun);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var report = new Report();
        report.Heading(1, $"Referrals benchmarks — `{options.Command}`{(options.Quick ? " `--quick`" : "")}");
        await MachineInfo.WriteAsync(report, options, selected.Any(b => b.NeedsBroker), cancellation.Token);

        var failed = false;
        foreach (var benchmark in selected)
        {
            report.Heading(2, benchmark.Title);
            try
            {
                await benchmark.RunAsync(options, report, cancellation.Token);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failed = true;
                report.Line($"**FAILED:** {e.GetType().Name}: {e.Message}");
                Report.Progress(e.ToString());
            }
        }

        if (options.MarkdownPath is { } path)
        {
            await report.SaveAsync(path);
            Report.Progress($"markdown written to {path}");
        }

        return failed ? 1 : 0;
    }
}
