using MassTransit;

namespace Referrals.Messaging.Bus;

/// <summary>The retry schedules consumer definitions apply; after them a message goes to its <c>_error</c> queue.</summary>
public static class Retries
{
    // A message that arrived early waits about 40 s for the one it builds on. Not longer: a message being retried in
    // memory holds its endpoint, which cannot restart after a lost broker connection until the retries end. The first
    // tries come fast because the other queue is usually only milliseconds behind: starting at 1 s put a one-second
    // step into the 99th percentile of the lifecycle benchmark.
    private static readonly TimeSpan[] EarlyMessageIntervals =
        [.. new[] { 20, 50, 100, 200, 500, 1_000, 2_000, 3_000, 4_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000 }
            .Select(milliseconds => TimeSpan.FromMilliseconds(milliseconds))];

    /// <summary>
    /// A failure is retried quickly a few times; a message that arrived early (<see cref="MessageArrivedEarlyException"/>)
    /// is retried for about 40 s, so a queue lagging a little behind another does not send it to the error queue.
    /// </summary>
    public static void UseStandardRetries(this IReceiveEndpointConfigurator endpoint)
    {
        endpoint.UseMessageRetry(retry =>
        {
            retry.Ignore<MessageArrivedEarlyException>();
            Standard(retry);
        });
        endpoint.UseMessageRetry(retry =>
        {
            retry.Handle<MessageArrivedEarlyException>();
            retry.Intervals(EarlyMessageIntervals);
        });
    }

    public static void Standard(IRetryConfigurator retry) =>
        retry.Intervals(
            TimeSpan.FromMilliseconds(50),
            TimeSpan.FromMilliseconds(200),
            TimeSpan.FromMilliseconds(500),
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(5));
}
