using System.Diagnostics;

namespace Referrals.Benchmarks.Gateway;

public sealed record ThroughputResult(int Connections, long Succeeded, long Failed, TimeSpan Elapsed)
{
    public double RequestsPerSecond => Succeeded / Elapsed.TotalSeconds;
}

/// <summary>
/// Maximum throughput: N workers over N keep-alive connections, each sending its next request as soon as the previous
/// one is answered (closed loop, like wrk). A warm-up phase on the same connections precedes the measured phase.
/// </summary>
internal static class ClosedLoopLoad
{
    public static async Task<ThroughputResult> RunAsync(
        Uri uri, int connections, TimeSpan warmup, TimeSpan duration, long maxRequests, CancellationToken cancellationToken)
    {
        using var client = LoadClient.Create(connections);
        await PhaseAsync(client, uri, connections, warmup, maxRequests, cancellationToken);
        return await PhaseAsync(client, uri, connections, duration, maxRequests, cancellationToken);
    }

    private static async Task<ThroughputResult> PhaseAsync(
        HttpClient client, Uri uri, int connections, TimeSpan duration, long maxRequests, CancellationToken cancellationToken)
    {
        long issued = 0, succeeded = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests && !cancellationToken.IsCancellationRequested)
            {
                if (await LoadClient.GetAsync(client, uri, cancellationToken))
                {
                    Interlocked.Increment(ref succeeded);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return new ThroughputResult(connections, succeeded, failed, clock.Elapsed);
    }
}
