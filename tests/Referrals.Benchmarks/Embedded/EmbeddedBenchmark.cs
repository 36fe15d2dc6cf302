using System.Diagnostics;
using System.Globalization;
using Referrals.Benchmarks.Harness;
using Referrals.Benchmarks.Lifecycle;

namespace Referrals.Benchmarks.Embedded;

/// <summary>
/// Issue 9, "Embedded default": the one-process host (gateway/Referrals.Standalone, Release build: all four services,
/// in-memory transport, SQLite files). Time from process start to /health/ready over several cold starts (median),
/// resident memory idle after start, and after a load of referrals through the whole lifecycle.
/// </summary>
public sealed class EmbeddedBenchmark : IBenchmark
{
    private const double LoadRate = 25;

    public string Name => "embedded";

    public string Title => "Embedded default: start to ready, memory idle and under load";

    public bool NeedsBroker => false;

    public async Task RunAsync(BenchOptions options, Report report, CancellationToken cancellationToken)
    {
        var starts = options.Quick ? 3 : 5;
        var loadReferrals = options.Quick ? 200 : 1_000;
        var idleWait = TimeSpan.FromSeconds(options.Quick ? 3 : 10);
        var dll = DistributedDeployment.ReleaseDll("gateway/Referrals.Standalone", "Referrals.Standalone");

        report.Paragraph(
            "Settings: the Release build of `gateway/Referrals.Standalone` (all four services in one process, MassTransit " +
            "in-memory transport, SQLite files in a fresh temp folder per start, production appsettings except: demo directory " +
            $"off, quiet hours off, development SMS sender), on 127.0.0.1. {BenchIdentity.Described} Start to ready: {starts} cold starts (empty data folder), " +
            "from `Process.Start` of `dotnet Referrals.Standalone.dll` to the first 200 from `/health/ready` (polled every 50 ms). " +
            $"Memory: VmRSS {idleWait.TotalSeconds:0} s after the last start (idle); then {loadReferrals} referrals at {LoadRate:0}/s " +
            "(open loop) through the whole lifecycle with the automatic provider of the lifecycle benchmark (8 providers), VmRSS after the load " +
            "and VmHWM (peak) over the run.");

        var startTimes = new List<double>();
        for (var run = 1; run <= starts; run++)
        {
            Report.Progress($"cold start {run}/{starts}");
            var data = NewDataFolder();
            try
            {
                var clock = Stopwatch.StartNew();
                using var host = ChildProcess.Start("Standalone", dll, Environment(data));
                await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), cancellationToken);
                startTimes.Add(clock.Elapsed.TotalMilliseconds);
                if (run == starts)
                {
                    await MeasureMemoryAsync(host, idleWait, loadReferrals, report, cancellationToken);
                }
            }
            finally
            {
                DeleteQuietly(data);
            }
        }

        var sorted = startTimes.Order().ToList();
        report.Table(["Cold starts", "Median start to ready", "Min", "Max", "All (in order)"],
        [[
            starts.ToString(CultureInfo.InvariantCulture),
            Report.Milliseconds(sorted[sorted.Count / 2]),
            Report.Milliseconds(sorted[0]),
            Report.Milliseconds(sorted[^1]),
            string.Join(", ", startTimes.Select(t => t.ToString("0", CultureInfo.InvariantCulture))) + " ms",
        ]]);
    }

    private static async Task MeasureMemoryAsync(ChildProcess host, TimeSpan idleWait, int referrals, Report report, CancellationToken cancellationToken)
    {
        await Task.Delay(idleWait, cancellationToken);
        var idle = host.ResidentBytes();
        var idlePeak = host.PeakResidentBytes();

        using var client = new LifecycleClient(host.Address);
        await client.CreateProvidersAsync(8, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var provider = new AutomaticProvider(client.Http);
        var providerLoop = provider.RunAsync(stop.Token);
        LifecycleResult result;
        var cpuBefore = host.CpuTime();
        var clock = Stopwatch.StartNew();
        try
        {
            Report.Progress($"load: {referrals} referrals at {LoadRate}/s");
            result = await LifecycleLoad.RunAsync(client, 0, LoadRate, TimeSpan.FromSeconds(referrals / LoadRate), TimeSpan.FromSeconds(60), cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await providerLoop;
        }

        var cores = host.CpuTime() is { } after && cpuBefore is { } before ? (after - before).TotalSeconds / clock.Elapsed.TotalSeconds : double.NaN;
        var loaded = host.ResidentBytes();
        var peak = host.PeakResidentBytes();
        report.Table(["Resident idle after start", "Peak during start", "Resident after load", "Peak over the run"],
            [[Mib(idle), Mib(idlePeak), Mib(loaded), Mib(peak)]]);
        var l = result.SubmitToSms;
        report.Line($"- Load: {result.Submitted} referrals submitted, {result.SubmitFailed + result.Skipped} failed, {result.Completed} completed " +
                    $"(Placed SMS handed over), {result.Missing} missing; submit-to-SMS p50 {Report.Milliseconds(l.P50Ms)}, " +
                    $"p99 {Report.Milliseconds(l.P99Ms)}, max {Report.Milliseconds(l.MaxMs)}; the host used {Report.Number(cores, 2)} cores on average " +
                    $"during the load and its drain.");
        report.Line($"- Automatic provider: {provider.Describe()}");
        report.Line();
        report.Paragraph("Where the time goes under that load, sampled referrals:");
        await StageBreakdown.WriteAsync(client, result, 50, report, cancellationToken);
    }

    private static Dictionary<string, string> Environment(string data)
    {
        var environment = DistributedDeployment.CommonSettings();
        foreach (var (name, _, store) in DistributedDeployment.Services)
        {
            environment[$"ConnectionStrings__{store}"] = $"Data Source={Path.Combine(data, name.ToLowerInvariant() + ".db")}";
        }

        return environment;
    }

    private static string NewDataFolder()
    {
        var data = Path.Combine(Path.GetTempPath(), "referrals-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        return data;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp
        }
    }

    private static string Mib(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024.0:0} MiB" : "?";
}
