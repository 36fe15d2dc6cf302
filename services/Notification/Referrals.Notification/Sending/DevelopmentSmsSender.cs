using System.Collections.Concurrent;
using System.Globalization;

namespace Referrals.Notification.Sending;

/// <summary>
/// The embedded default: nothing leaves the process. Keeps what it was handed (for tests and local runs) and accepts it.
/// Logs the message reference only, never the number or the text.
/// </summary>
public sealed partial class DevelopmentSmsSender(ILogger<DevelopmentSmsSender> logger) : ISmsSender
{
    /// <summary>The embedded default runs for weeks: keep the recent ones only.</summary>
    public const int Kept = 1_000;

    private readonly ConcurrentQueue<SmsRequest> _sent = new();
    private long _count;

    public IReadOnlyCollection<SmsRequest> Sent => _sent;

    public Task<SmsSendResult> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        _sent.Enqueue(request);
        while (_sent.Count > Kept)
        {
            _sent.TryDequeue(out _);
        }

        var number = Interlocked.Increment(ref _count);
        LogAccepted(logger, request.Reference);
        return Task.FromResult(SmsSendResult.Accepted(
            "dev-" + number.ToString(CultureInfo.InvariantCulture), "0: Accepted for delivery"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development SMS sender kept SMS {SmsId}; nothing was sent")]
    private static partial void LogAccepted(ILogger logger, Guid smsId);
}
