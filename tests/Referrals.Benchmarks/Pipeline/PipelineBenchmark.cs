using System.Globalization;
using Referrals.Benchmarks.Harness;
using Referrals.Messaging;

namespace Referrals.Benchmarks.Pipeline;

/// <summary>
/// Issue 9, "Event pipeline": MassTransit publish→consume messages/s versus raw RabbitMQ.Client 7 with identical
/// settings (target ≥ 0.5 of raw), then a prefetch × concurrency sweep of MassTransit to pick the production setting.
/// </summary>
public sealed class PipelineBenchmark : IBenchmark
{
    public const double RatioTarget = 0.5;

    /// <summary>Publishes awaiting their confirmation at once, for both implementations.</summary>
    public const int OutstandingPublishes = 64;

    private static readonly int[] SweepPrefetch = [16, 32, 64, 128];
    private static readonly int[] SweepConcurrency = [8, 16, 32];
    private static readonly TimeSpan SweepConsumerWork = TimeSpan.FromMilliseconds(1);

    public string Name => "pipeline";

    public string Title => "Event pipeline: MassTransit versus raw RabbitMQ.Client";

    public bool NeedsBroker => true;

    public async Task RunAsync(BenchOptions options, Report report, CancellationToken cancellationToken)
    {
        var bounds = options.Bounds;
        var production = new MessagingOptions();
        using var management = new BrokerManagement(options.RabbitMqManagementUrl, options.RabbitMqUrl);
        var settings = new PipelineSettings(
            production.PrefetchCount,
            production.ConcurrentMessageLimit,
            OutstandingPublishes,
            bounds.PipelineMessages,
            bounds.PipelineWarmupMessages,
            TimeSpan.Zero,
            bounds.PipelineRunLimit);

        report.Paragraph($"Settings: {BenchMessage.JsonBytes}-byte JSON message (MassTransit wraps it in its envelope), persistent, durable queue, " +
                    $"publisher confirms, {OutstandingPublishes} publishes awaiting confirmation at once, PrefetchCount {settings.PrefetchCount} and " +
                    $"ConcurrentMessageLimit {settings.ConcurrentMessageLimit} (production defaults, `MessagingOptions`), manual acks, consumer does no work; " +
                    $"{settings.WarmupMessages} warm-up messages then {settings.Messages} measured, from first publish to last consume; " +
                    $"each run in a fresh virtual host (deleted after), after one untimed run of each implementation in the process; {bounds.Rounds} round(s) alternating order, median reported; " +
                    $"one connection per implementation (publish channel + consume channel), broker on 127.0.0.1.");

        // The first bus in a process pays for JIT and type loading; one untimed run of each keeps that out of the numbers.
        foreach (var implementation in new[] { "masstransit", "raw" })
        {
            Report.Progress($"process warm-up: {implementation}");
            var warmup = settings with { Messages = settings.WarmupMessages };
            await PipelineRunner.RunAsync(implementation, Driver(implementation, warmup), warmup, options, management, cancellationToken);
        }

        var massTransit = new List<PipelineResult>();
        var raw = new List<PipelineResult>();
        for (var round = 0; round < bounds.Rounds; round++)
        {
            var order = round % 2 == 0 ? new[] { ("masstransit", massTransit), ("raw", raw) } : [("raw", raw), ("masstransit", massTransit)];
            foreach (var (implementation, results) in order)
            {
                Report.Progress($"pipeline round {round + 1}: {implementation}");
                results.Add(await PipelineRunner.RunAsync(implementation, Driver(implementation, settings), settings, options, management, cancellationToken));
            }
        }

        var mt = MedianRun(massTransit);
        var baseline = MedianRun(raw);
        report.Table(
            ["Implementation", "End-to-end msg/s", "Publish msg/s", "Measured messages", "Elapsed", "Timed out"],
            [ComparisonRow("MassTransit 8", mt), ComparisonRow("raw RabbitMQ.Client 7", baseline)]);
        var ratio = mt.MessagesPerSecond / baseline.MessagesPerSecond;
        report.Line($"- MassTransit / raw: {Report.Number(ratio, 2)} (target ≥ {RatioTarget}): {Report.Verdict(ratio >= RatioTarget && !mt.TimedOut && !baseline.TimedOut)}");

        await SweepAsync(options, report, settings, management, cancellationToken);
    }

    private static async Task SweepAsync(BenchOptions options, Report report, PipelineSettings production, BrokerManagement management, CancellationToken cancellationToken)
    {
        report.Heading(3, "MassTransit prefetch × concurrency sweep");
        report.Paragraph($"Same settings, {options.Bounds.SweepMessages} measured messages per cell, and the consumer awaits {SweepConsumerWork.TotalMilliseconds:0} ms " +
                    "per message (standing in for the store write of a real consumer; without it concurrency does not matter). Cells: end-to-end msg/s.");
        var results = new Dictionary<(int Prefetch, int Concurrency), PipelineResult>();
        foreach (var prefetch in SweepPrefetch)
        {
            foreach (var concurrency in SweepConcurrency)
            {
                var settings = production with
                {
                    PrefetchCount = prefetch,
                    ConcurrentMessageLimit = concurrency,
                    Messages = options.Bounds.SweepMessages,
                    ConsumerWork = SweepConsumerWork,
                };
                Report.Progress($"sweep prefetch {prefetch}, concurrency {concurrency}");
                results[(prefetch, concurrency)] = await PipelineRunner.RunAsync("masstransit", Driver("masstransit", settings), settings, options, management, cancellationToken);
            }
        }

        report.Table(
            ["Prefetch \\ concurrency", .. SweepConcurrency.Select(c => c.ToString(CultureInfo.InvariantCulture))],
            SweepPrefetch.Select(p => (IReadOnlyList<string>)
            [
                p == production.PrefetchCount ? $"**{p}** (production)" : p.ToString(CultureInfo.InvariantCulture),
                .. SweepConcurrency.Select(c => Cell(results[(p, c)], p == production.PrefetchCount && c == production.ConcurrentMessageLimit)),
            ]));

        var best = results.Where(r => !r.Value.TimedOut).OrderByDescending(r => r.Value.MessagesPerSecond).FirstOrDefault();
        if (best.Value is null)
        {
            report.Line("- Every sweep cell timed out; no recommendation.");
            return;
        }

        var current = results[(production.PrefetchCount, production.ConcurrentMessageLimit)];
        var gain = (best.Value.MessagesPerSecond / current.MessagesPerSecond) - 1;
        report.Line($"- Best: prefetch {best.Key.Prefetch}, concurrency {best.Key.Concurrency} at {Report.Number(best.Value.MessagesPerSecond)} msg/s; " +
                    $"production ({production.PrefetchCount}/{production.ConcurrentMessageLimit}) {Report.Number(current.MessagesPerSecond)} msg/s " +
                    $"({(gain >= 0 ? "+" : "")}{Report.Number(gain * 100, 0)} % for the best).");
        report.Line(gain <= 0.10
            ? "- Recommendation: keep the production setting (the best cell is within 10 %, which is inside run-to-run noise)."
            : $"- Recommendation: consider PrefetchCount {best.Key.Prefetch} / ConcurrentMessageLimit {best.Key.Concurrency} in `MessagingOptions` " +
              "if a full run on a quiet machine confirms it (a consumer's real work, not the 1 ms stand-in, decides in the end).");
    }

    private static Func<Uri, ConsumeCounter, IPipelineDriver> Driver(string implementation, PipelineSettings settings) =>
        implementation == "raw"
            ? (url, counter) => new RawRabbitDriver(url, counter, settings)
            : (url, counter) => new MassTransitDriver(url, counter, settings);

    private static PipelineResult MedianRun(List<PipelineResult> runs) =>
        runs.OrderBy(r => r.MessagesPerSecond).ElementAt(runs.Count / 2);

    private static IReadOnlyList<string> ComparisonRow(string name, PipelineResult result) =>
    [
        name,
        Report.Number(result.MessagesPerSecond),
        Report.Number(result.PublishesPerSecond),
        result.Consumed.ToString(CultureInfo.InvariantCulture),
        $"{result.TotalElapsed.TotalSeconds:0.00} s",
        result.TimedOut ? "**yes**" : "no",
    ];

    private static string Cell(PipelineResult result, bool isProduction)
    {
        var text = Report.Number(result.MessagesPerSecond) + (result.TimedOut ? " (timed out)" : "");
        return isProduction ? $"**{text}**" : text;
    }
}
