using System.Collections.Concurrent;
using System.Diagnostics;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Lifecycle;

/// <summary>The outcome of one constant-rate phase: every submitted referral's submit-to-SMS latency, or its absence.</summary>
internal sealed record LifecycleResult(
    double OfferedRate,
    long Submitted,
    long SubmitFailed,
    long Skipped,
    long Completed,
    long Missing,
    TimeSpan SubmitPhase,
    TimeSpan Drain,
    Percentiles SubmitToSms,
    Percentiles SubmitHttp,
    IReadOnlyList<(Guid Referral, DateTimeOffset Due, DateTimeOffset SmsHandedOver)> Completions)
{
    /// <summary>Sustained: every referral submitted and completed, none skipped, and p99 under the bound.</summary>
    public bool Sustained(double p99LimitMs) =>
        SubmitFailed == 0 && Skipped == 0 && Missing == 0 && Submitted > 0 && SubmitToSms.P99Ms < p99LimitMs;
}

/// <summary>
/// Open-loop submissions at a constant rate (referral i is due at start + i/rate whether or not earlier ones were
/// answered, so a slow system is not given time to recover), then a bounded wait until each referral's Placed SMS was
/// handed to the sender. Latency = SMS hand-over time stamp (the notification service's clock, same machine) minus the
/// wall-clock time the POST was due.
/// </summary>
internal static class LifecycleLoad
{
    private const int MaxInFlight = 2_000;
    private const int CollectConcurrency = 8;

    public static async Task<LifecycleResult> RunAsync(
        LifecycleClient client, long firstIndex, double rate, TimeSpan duration, TimeSpan drainLimit, CancellationToken cancellationToken)
    {
        var total = Math.Max(1, (long)Math.Round(rate * duration.TotalSeconds));
        var submitted = new ConcurrentDictionary<Guid, DateTimeOffset>();
        var httpLatencies = new ConcurrentBag<long>();
        long failed = 0, skipped = 0, inFlight = 0;
        var ticksPerReferral = Stopwatch.Frequency / rate;
        var wallStart = DateTimeOffset.UtcNow;
        var start = Stopwatch.GetTimestamp();
        var hardStop = start + (long)((duration + TimeSpan.FromSeconds(30)).TotalSeconds * Stopwatch.Frequency);
        var tasks = new List<Task>();

        async Task FireAsync(long index, long due)
        {
            try
            {
                var dueWall = wallStart + Stopwatch.GetElapsedTime(start, due);
                var id = await client.SubmitAsync(firstIndex + index, cancellationToken);
                httpLatencies.Add(Stopwatch.GetTimestamp() - due);
                if (id is { } referral)
                {
                    submitted[referral] = dueWall;
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        long next = 0;
        while (next < total && !cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < hardStop)
        {
            var dueNow = Math.Min(total, (long)((Stopwatch.GetTimestamp() - start) / ticksPerReferral) + 1);
            for (; next < dueNow; next++)
            {
                if (Volatile.Read(ref inFlight) >= MaxInFlight)
                {
                    skipped++;
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                var index = next;
                var due = start + (long)(index * ticksPerReferral);
                tasks.Add(Task.Run(() => FireAsync(index, due), CancellationToken.None));
            }

            await Task.Delay(1, cancellationToken);
        }

        await Task.WhenAll(tasks);
        var submitPhase = Stopwatch.GetElapsedTime(start);

        // Drain: ask for each referral's Placed SMS until all are there or the limit passes.
        var drainStart = Stopwatch.GetTimestamp();
        var latencies = new ConcurrentBag<long>();
        var completions = new ConcurrentBag<(Guid, DateTimeOffset, DateTimeOffset)>();
        var pending = submitted.Keys.ToList();
        while (pending.Count > 0 && Stopwatch.GetElapsedTime(drainStart) < drainLimit && !cancellationToken.IsCancellationRequested)
        {
            var stillPending = new ConcurrentBag<Guid>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = CollectConcurrency, CancellationToken = cancellationToken }, async (id, ct) =>
            {
                DateTimeOffset? at = null;
                try
                {
                    at = await client.PlacedSmsHandedOverAsync(id, ct);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    // asked again in the next pass
                }

                if (at is { } handedOver)
                {
                    latencies.Add((long)((handedOver - submitted[id]).TotalSeconds * Stopwatch.Frequency));
                    completions.Add((id, submitted[id], handedOver));
                }
                else
                {
                    stillPending.Add(id);
                }
            });
            pending = [.. stillPending];
            if (pending.Count > 0)
            {
                await Task.Delay(500, cancellationToken);
            }
        }

        var drain = Stopwatch.GetElapsedTime(drainStart);
        if (pending.Count > 0)
        {
            Report.Progress($"{pending.Count} referral(s) without a Placed SMS after {drain.TotalSeconds:0} s, e.g. {pending[0]}");
        }

        return new LifecycleResult(
            rate, submitted.Count + failed, failed, skipped, latencies.Count, pending.Count, submitPhase, drain,
            Percentiles.FromTimestampTicks([.. latencies]), Percentiles.FromTimestampTicks([.. httpLatencies]), [.. completions]);
    }
}
