using Microsoft.Extensions.Options;

namespace Referrals.Intake.Retention;

/// <summary>Runs <see cref="ReferralAnonymiser"/> at start and then every <see cref="RetentionOptions.CheckInterval"/>.</summary>
/// <remarks>
/// The anonymiser is resolved when the loop starts, not in the constructor: hosted services are built before options
/// are validated at start, and building the store opens it (MongoDB creates its indexes), which must not come first.
/// </remarks>
public sealed partial class RetentionService(
    IServiceProvider services,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var anonymiser = services.GetRequiredService<ReferralAnonymiser>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await anonymiser.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next pass tries again; the exception names no personal data (ids only reach the log).
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.Value.CheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention pass failed; retried at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
