using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Referrals.Messaging.Outbox;

/// <summary>
/// Publishes events left behind in documents: by a crash between commit and publish, or a broker that was down.
/// Events younger than <see cref="MessagingOptions.OutboxSweepAge"/> are left to the request that raised them.
/// </summary>
public sealed partial class OutboxSweeper(
    IEnumerable<IOutboxSource> sources,
    IBus bus,
    OutboxPublisher publisher,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<OutboxSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.OutboxSweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(settings.OutboxSweepAge, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every source; returns how many events were published.</summary>
    public async Task<int> SweepAsync(TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        var count = 0;
        var cutoff = time.GetUtcNow() - minimumAge;
        foreach (var source in sources)
        {
            foreach (var pending in await source.FindPendingAsync(500, cancellationToken))
            {
                var due = pending.Events.Where(e => e.CreatedAt <= cutoff).ToList();
                await publisher.PublishAsync(source, pending.DocumentId, due, bus, cancellationToken);
                count += due.Count;
            }
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox sweep failed; next pass will retry")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
