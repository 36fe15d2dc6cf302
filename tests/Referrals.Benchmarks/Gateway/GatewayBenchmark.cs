using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Gateway;

/// <summary>
/// Issue 9, "Gateway": requests/s through YARP versus straight to the same endpoint at 32 and 128 connections, then
/// p50/p99 at half the direct maximum with an open-loop constant-rate load.
/// Targets: through/direct ≥ 0.6, added median ≤ 1 ms.
/// </summary>
public sealed class GatewayBenchmark : IBenchmark
{
    public const double ThroughputTarget = 0.6;
    public const double AddedMedianTargetMs = 1.0;
    private const int LatencyConnections = 32;
    private static readonly int[] ConnectionLevels = [32, 128];

    public string Name => "gateway";

    public string Title => "Gateway: YARP versus direct";

    public bool NeedsBroker => false;

    public async Task RunAsync(BenchOptions options, Report report, CancellationToken cancellationToken)
    {
        var bounds = options.Bounds;
        await using var backend = await RulesBackend.StartAsync(cancellationToken);
        Report.Progress($"backend on {backend.Address}; starting the gateway {options.GatewayDll}");
        using var gateway = await GatewayProcess.StartAsync(options.GatewayDll, "eligibility", backend.Address, cancellationToken);
        var direct = new Uri(backend.Address, RulesBackend.RulesPath);
        var through = new Uri(gateway.Address, RulesBackend.RulesPath);

        report.Paragraph($"Settings: `GET {RulesBackend.RulesPath}` answering {RulesBackend.ResponseBytes} bytes of JSON from a minimal API in the " +
                    "harness process (the stand-in for the eligibility service); the real gateway (Release build, own process, its " +
                    "appsettings.json with cluster `eligibility` pointed at the stand-in); HTTP/1.1 keep-alive; the load generator is the " +
                    "harness's own (SocketsHttpHandler), in the same process as the stand-in backend. All on 127.0.0.1. " +
                    "Every request carries a bearer token (development sign-in), which the gateway validates (the stand-in does not); " +
                    "the gateway's rate limits are raised for the run (`Edge__UserRequestsPerSecond`/`Edge__AddressRequestsPerSecond` " +
                    "100,000, bursts 1,000,000; production defaults 20/s per user, 50/s per IP address).");
        report.Paragraph($"Throughput: closed loop, {bounds.HttpWarmup.TotalSeconds:0} s warm-up then {bounds.HttpDuration.TotalSeconds:0} s measured, " +
                    $"{bounds.Rounds} round(s) alternating direct/gateway order, median of rounds reported.");

        var rows = new List<IReadOnlyList<string>>();
        var ratios = new List<double>();
        var directMax = 0.0;
        var gatewayMax = 0.0;
        foreach (var connections in ConnectionLevels)
        {
            var directRuns = new List<ThroughputResult>();
            var gatewayRuns = new List<ThroughputResult>();
            for (var round = 0; round < bounds.Rounds; round++)
            {
                var order = round % 2 == 0 ? new[] { (direct, directRuns), (through, gatewayRuns) } : [(through, gatewayRuns), (direct, directRuns)];
                foreach (var (uri, runs) in order)
                {
                    Report.Progress($"throughput {connections} connections, round {round + 1}: {(uri == direct ? "direct" : "gateway")}");
                    runs.Add(await ClosedLoopLoad.RunAsync(uri, connections, bounds.HttpWarmup, bounds.HttpDuration, bounds.HttpMaxRequestsPerPhase, cancellationToken));
                }
            }

            var directRate = Median(directRuns.Select(r => r.RequestsPerSecond));
            var gatewayRate = Median(gatewayRuns.Select(r => r.RequestsPerSecond));
            directMax = Math.Max(directMax, directRate);
            gatewayMax = Math.Max(gatewayMax, gatewayRate);
            var ratio = gatewayRate / directRate;
            ratios.Add(ratio);
            rows.Add(
            [
                connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Report.Number(directRate),
                Report.Number(gatewayRate),
                Report.Number(ratio, 2),
                $"{directRuns.Sum(r => r.Failed)} / {gatewayRuns.Sum(r => r.Failed)}",
            ]);
        }

        report.Table(["Connections", "Direct req/s", "Through gateway req/s", "Ratio through/direct", "Errors direct / gateway"], rows);

        var rate = Math.Max(1, Math.Round(directMax / 2));
        report.Paragraph($"Latency: open loop at {Report.Number(rate)} req/s (50 % of the best direct rate), {LatencyConnections} keep-alive connections, " +
                    $"{bounds.HttpWarmup.TotalSeconds:0} s warm-up then {bounds.HttpDuration.TotalSeconds:0} s measured; latency counted from each " +
                    "request's scheduled send time. The last two rows repeat it at 50 % of the gateway's own maximum (informative: " +
                    "separates the per-hop cost from queueing when the gateway cannot carry the first rate).");
        var (directLatency, gatewayLatency) = await LatencyPairAsync(direct, through, rate, bounds, cancellationToken);
        var ownRate = Math.Max(1, Math.Round(gatewayMax / 2));
        var (directAtOwn, gatewayAtOwn) = await LatencyPairAsync(direct, through, ownRate, bounds, cancellationToken);

        report.Table(
            ["Path", "Offered req/s", "Achieved req/s", "p50", "p90", "p99", "max", "Errors", "Skipped (>10k in flight)"],
            [
                LatencyRow("direct", directLatency),
                LatencyRow("through gateway", gatewayLatency),
                LatencyRow("direct (at gateway's 50 %)", directAtOwn),
                LatencyRow("through gateway (at its 50 %)", gatewayAtOwn),
            ]);

        var addedMedian = gatewayLatency.Latency.P50Ms - directLatency.Latency.P50Ms;
        var addedP99 = gatewayLatency.Latency.P99Ms - directLatency.Latency.P99Ms;
        var addedMedianOwn = gatewayAtOwn.Latency.P50Ms - directAtOwn.Latency.P50Ms;
        var peak = gateway.PeakWorkingSetBytes();
        report.Line($"- Throughput ratio through/direct: {string.Join(", ", ConnectionLevels.Zip(ratios, (c, r) => $"{Report.Number(r, 2)} at {c}"))} " +
                    $"(target ≥ {ThroughputTarget}): {Report.Verdict(ratios.All(r => r >= ThroughputTarget))}");
        report.Line($"- Added median latency: {Report.Milliseconds(addedMedian)} (target ≤ {AddedMedianTargetMs} ms): {Report.Verdict(addedMedian <= AddedMedianTargetMs)}; " +
                    $"added p99: {Report.Milliseconds(addedP99)}; at 50 % of the gateway's own maximum the added median is {Report.Milliseconds(addedMedianOwn)}");
        report.Line($"- Gateway peak resident memory during the run: {(peak is { } bytes ? $"{bytes / 1024.0 / 1024.0:0} MiB" : "n/a")}");
    }

    private static async Task<(LatencyResult Direct, LatencyResult Gateway)> LatencyPairAsync(
        Uri direct, Uri through, double rate, RunBounds bounds, CancellationToken cancellationToken)
    {
        Report.Progress($"latency at {rate} req/s: direct");
        var directLatency = await OpenLoopLoad.RunAsync(direct, rate, LatencyConnections, bounds.HttpWarmup, bounds.HttpDuration, bounds.HttpMaxRequestsPerPhase, cancellationToken);
        Report.Progress($"latency at {rate} req/s: gateway");
        var gatewayLatency = await OpenLoopLoad.RunAsync(through, rate, LatencyConnections, bounds.HttpWarmup, bounds.HttpDuration, bounds.HttpMaxRequestsPerPhase, cancellationToken);
        return (directLatency, gatewayLatency);
    }

    private static IReadOnlyList<string> LatencyRow(string path, LatencyResult result) =>
    [
        path,
        Report.Number(result.TargetRate),
        Report.Number(result.AchievedRate),
        Report.Milliseconds(result.Latency.P50Ms),
        Report.Milliseconds(result.Latency.P90Ms),
        Report.Milliseconds(result.Latency.P99Ms),
        Report.Milliseconds(result.Latency.MaxMs),
        result.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        result.Skipped.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
