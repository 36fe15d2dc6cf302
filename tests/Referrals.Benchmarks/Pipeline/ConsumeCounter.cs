using System.Diagnostics;

namespace Referrals.Benchmarks.Pipeline;

/// <summary>Counts consumed messages and stamps the moment an expected total is reached.</summary>
public sealed class ConsumeCounter(TimeSpan work)
{
    private long _count;
    private long _target = long.MaxValue;
    private TaskCompletionSource<long> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Simulated awaited I/O per message (the store write a real consumer does); zero for the raw comparison.</summary>
    public TimeSpan Work => work;

    /// <summary>Completes with the Stopwatch timestamp at which <paramref name="total"/> messages have been consumed.</summary>
    public Task<long> ExpectAsync(long total)
    {
        var reached = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _reached, reached);
        Interlocked.Exchange(ref _target, total);
        if (Count >= total)
        {
            reached.TrySetResult(Stopwatch.GetTimestamp());
        }

        return reached.Task;
    }

    public async ValueTask ConsumedAsync()
    {
        if (work > TimeSpan.Zero)
        {
            await Task.Delay(work);
        }

        if (Interlocked.Increment(ref _count) >= Interlocked.Read(ref _target))
        {
            Volatile.Read(ref _reached).TrySetResult(Stopwatch.GetTimestamp());
        }
    }
}
