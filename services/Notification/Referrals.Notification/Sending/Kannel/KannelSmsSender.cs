using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Referrals.Notification.Encoding;

namespace Referrals.Notification.Sending.Kannel;

/// <summary>
/// The <see cref="ISmsSender"/> port over Kannel's smsbox HTTP <c>sendsms</c> (standards.md §7.1). The HttpClient's
/// resilience pipeline retries 503 and connection errors with back-off and opens a circuit while Kannel keeps failing;
/// whatever is still failing after that becomes "try again later", and the SMS waits in the store.
/// Answers: 202 "0: Accepted for delivery" / "3: Queued for later delivery" = accepted; 503 = temporary; other 4xx = permanent.
/// </summary>
public sealed partial class KannelSmsSender(HttpClient http, IOptions<KannelOptions> options, ILogger<KannelSmsSender> logger)
    : ISmsSender
{
    public const string DeliveryReportPath = "/api/notifications/delivery-reports";

    public async Task<SmsSendResult> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        var uri = SendSmsUri(options.Value, request);
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            var detail = $"{(int)response.StatusCode}: {Shorten(body)}";
            var result = response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => SmsSendResult.Accepted(null, detail),
                HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                    => SmsSendResult.Retryable(detail),
                >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => SmsSendResult.Permanent(detail),
                _ => SmsSendResult.Retryable(detail),
            };
            LogAnswer(logger, request.Reference, (int)response.StatusCode, result.Outcome);
            return result;
        }
        catch (BrokenCircuitException)
        {
            LogUnavailable(logger, request.Reference, "circuit open");
            return SmsSendResult.Retryable("Kannel unavailable (circuit open)");
        }
        catch (HttpRequestException e) when (NeverReachedKannel(e))
        {
            LogUnavailable(logger, request.Reference, e.GetType().Name);
            return SmsSendResult.Retryable($"Kannel unreachable ({e.GetType().Name})");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // smsbox may have passed the SMS on before it died or stalled: sending again now could double it.
            LogUnavailable(logger, request.Reference, e.GetType().Name);
            return SmsSendResult.Unknown($"No answer from Kannel ({e.GetType().Name})");
        }
    }

    /// <summary>No connection was made, so Kannel cannot have the SMS: the only error that is safe to retry.</summary>
    public static bool NeverReachedKannel(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.ConnectionError
        && e.InnerException is System.Net.Sockets.SocketException
        {
            SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostUnreachable
                or System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostNotFound,
        };

    /// <summary>The GET request, every value URL-encoded (the dlr-url too, with Kannel's %d and %T left for Kannel to fill).</summary>
    public static Uri SendSmsUri(KannelOptions settings, SmsRequest request)
    {
        var query = new StringBuilder();
        Add(query, "username", settings.Username);
        Add(query, "password", settings.Password);
        Add(query, "from", settings.From);
        Add(query, "to", request.To);
        Add(query, "text", request.Text);
        Add(query, "charset", "UTF-8");
        Add(query, "coding", request.Alphabet == SmsAlphabet.Ucs2 ? "2" : "0");
        // The text is counted in parts before sending; never let Kannel split it further than that.
        Add(query, "max-messages", Math.Max(1, request.Segments).ToString(CultureInfo.InvariantCulture));
        if (settings.DeliveryReportMask > 0)
        {
            Add(query, "dlr-mask", settings.DeliveryReportMask.ToString(CultureInfo.InvariantCulture));
            Add(query, "dlr-url", DeliveryReportUrl(settings, request));
        }

        return new Uri(settings.BaseUrl.TrimEnd('/') + "/cgi-bin/sendsms?" + query);
    }

    /// <summary>
    /// Our ids identify the SMS; the random SMS id makes a forged report for someone else's SMS unguessable, and the
    /// callback secret (when set) proves the report comes from our Kannel at all.
    /// </summary>
    public static string DeliveryReportUrl(KannelOptions settings, SmsRequest request) =>
        settings.DeliveryReportBaseUrl.TrimEnd('/') + DeliveryReportPath
        + "?id=" + Uri.EscapeDataString(request.MessageId ?? "")
        + "&sms=" + request.Reference.ToString("N")
        + "&status=%d&at=%T"
        + (string.IsNullOrEmpty(settings.CallbackSecret)
            ? ""
            : "&" + KannelCallbackSecret.QueryParameter + "=" + Uri.EscapeDataString(settings.CallbackSecret));

    private static void Add(StringBuilder query, string name, string value)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string Shorten(string body) => body.Length <= 80 ? body : body[..80];

    [LoggerMessage(Level = LogLevel.Information, Message = "Kannel answered {Status} for SMS {SmsId}: {Outcome}")]
    private static partial void LogAnswer(ILogger logger, Guid smsId, int status, SmsSendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kannel not reachable for SMS {SmsId} ({Reason}); it will wait and be retried")]
    private static partial void LogUnavailable(ILogger logger, Guid smsId, string reason);
}
