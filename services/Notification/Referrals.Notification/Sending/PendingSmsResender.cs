using MassTransit;
using Microsoft.Extensions.Options;
using Referrals.Notification.Store;

namespace Referrals.Notification.Sending;

/// <summary>
/// Sends what is waiting: SMS held through quiet hours and SMS the gateway could not take (outage, 503). Safe to run
/// in every instance: <see cref="SmsDispatcher"/> lets only one claim each SMS.
/// </summary>
public sealed partial class PendingSmsResender(
    INotificationStore store,
    SmsDispatcher dispatcher,
    IBus bus,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<PendingSmsResender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ResendInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ResendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(logger, e);
            }
        }
    }

    /// <summary>One pass; returns how many SMS were tried.</summary>
    public async Task<int> ResendDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.ListDueAsync(time.GetUtcNow(), 200, cancellationToken);
        foreach (var message in due)
        {
            await dispatcher.SendAsync(message.Id, bus, cancellationToken);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-sending waiting SMS failed; the next pass will retry")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
