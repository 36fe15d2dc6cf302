using System.Diagnostics;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Pipeline;

/// <summary>
/// Drives one implementation the same way as the other: a fresh virtual host, start, warm-up (published and fully
/// consumed, not timed), then the measured batch published by <see cref="PipelineSettings.OutstandingPublishes"/>
/// concurrent publishers while the consumer drains it; the clock runs from the first publish to the last consume.
/// </summary>
internal static class PipelineRunner
{
    public static async Task<PipelineResult> RunAsync(
        string implementation,
        Func<Uri, ConsumeCounter, IPipelineDriver> create,
        PipelineSettings settings,
        BenchOptions options,
        BrokerManagement management,
        CancellationToken cancellationToken)
    {
        var (vhost, url) = await management.CreateVirtualHostAsync($"bench-{implementation}", options.RabbitMqUrl, cancellationToken);
        try
        {
            return await MeasureAsync(implementation, create(url, new ConsumeCounter(settings.ConsumerWork)), settings, cancellationToken);
        }
        finally
        {
            await management.DeleteVirtualHostAsync(vhost);
        }
    }

    private static async Task<PipelineResult> MeasureAsync(string implementation, IPipelineDriver driver, PipelineSettings settings, CancellationToken cancellationToken)
    {
        await using var _ = driver;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.Limit);
        var counter = driver.Counter;
        var begin = 0L;
        var published = 0L;
        try
        {
            await driver.StartAsync(limit.Token);
            await PublishAllAsync(driver, 0, settings.WarmupMessages, settings.OutstandingPublishes, limit.Token);
            await counter.ExpectAsync(settings.WarmupMessages).WaitAsync(limit.Token);

            var done = counter.ExpectAsync(settings.WarmupMessages + (long)settings.Messages);
            begin = Stopwatch.GetTimestamp();
            await PublishAllAsync(driver, settings.WarmupMessages, settings.Messages, settings.OutstandingPublishes, limit.Token);
            published = Stopwatch.GetTimestamp();
            var end = await done.WaitAsync(limit.Token);
            return new PipelineResult(implementation, settings, settings.Messages, Stopwatch.GetElapsedTime(begin, published), Stopwatch.GetElapsedTime(begin, end), TimedOut: false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            var consumed = Math.Max(0, counter.Count - settings.WarmupMessages);
            Report.Progress($"{implementation}: time limit {settings.Limit.TotalSeconds} s reached with {consumed} of {settings.Messages} consumed");
            return begin == 0
                ? new PipelineResult(implementation, settings, 0, settings.Limit, settings.Limit, TimedOut: true)
                : new PipelineResult(implementation, settings, consumed, Stopwatch.GetElapsedTime(begin, published == 0 ? now : published), Stopwatch.GetElapsedTime(begin, now), TimedOut: true);
        }
    }

    private static async Task PublishAllAsync(IPipelineDriver driver, int first, int count, int outstanding, CancellationToken cancellationToken)
    {
        var next = -1;
        var publishers = Enumerable.Range(0, Math.Max(1, Math.Min(outstanding, count))).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await driver.PublishAsync(BenchMessage.Create(first + i), cancellationToken);
            }
        }).ToList();
        await Task.WhenAll(publishers);
    }
}
