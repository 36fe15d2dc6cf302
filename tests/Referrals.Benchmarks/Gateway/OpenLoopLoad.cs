using System.Diagnostics;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Gateway;

public sealed record LatencyResult(double TargetRate, double AchievedRate, long Failed, long Skipped, Percentiles Latency);

/// <summary>
/// Latency at a fixed offered rate (open loop, like wrk2): request i is due at start + i/rate whether or not earlier ones
/// were answered, and its latency is measured from that due time, so a stall is charged to every request it delays
/// (no coordinated omission). Requests beyond <see cref="MaxInFlight"/> outstanding are skipped and reported.
/// </summary>
internal static class OpenLoopLoad
{
    private const int MaxInFlight = 10_000;

    public static async Task<LatencyResult> RunAsync(
        Uri uri, double rate, int connections, TimeSpan warmup, TimeSpan duration, long maxRequests, CancellationToken cancellationToken)
    {
        using var client = LoadClient.Create(connections);
        var warmupCount = (long)(rate * warmup.TotalSeconds);
        var total = Math.Min(maxRequests, warmupCount + (long)(rate * duration.TotalSeconds));
        var measured = new long[Math.Max(0, total - warmupCount)];
        long failed = 0, skipped = 0, inFlight = 0;
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var hardStop = start + (long)((warmup + duration + TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);

        async Task FireAsync(long index, long due)
        {
            try
            {
                var ok = await LoadClient.GetAsync(client, uri, cancellationToken);
                var latency = Stopwatch.GetTimestamp() - due;
                if (index >= warmupCount)
                {
                    measured[index - warmupCount] = ok ? latency : -1;
                }

                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        // The dispatcher owns a thread: it wakes about every millisecond and sends every request that has fallen due.
        await Task.Factory.StartNew(() =>
        {
            long next = 0;
            while (next < total && !cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < hardStop)
            {
                var dueNow = Math.Min(total, (long)((Stopwatch.GetTimestamp() - start) / ticksPerRequest) + 1);
                for (; next < dueNow; next++)
                {
                    if (Volatile.Read(ref inFlight) >= MaxInFlight)
                    {
                        Interlocked.Increment(ref skipped);
                        if (next >= warmupCount)
                        {
                            measured[next - warmupCount] = -1;
                        }

                        continue;
                    }

                    Interlocked.Increment(ref inFlight);
                    _ = FireAsync(next, start + (long)(next * ticksPerRequest));
                }

                Thread.Sleep(1);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var drainUntil = Stopwatch.GetTimestamp() + (long)(15 * Stopwatch.Frequency);
        while (Volatile.Read(ref inFlight) > 0 && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        var successes = measured.Where(l => l > 0).ToArray();
        return new LatencyResult(rate, successes.Length / duration.TotalSeconds, failed, skipped, Percentiles.FromTimestampTicks(successes));
    }
}
