using System.ComponentModel.DataAnnotations;
using Referrals.Notification.Sending;
using Referrals.Notification.Templates;

namespace Referrals.Notification;

/// <summary>Section <c>Notification</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notification";

    [EnumDataType(typeof(SmsSenderKind))]
    public SmsSenderKind Sender { get; set; } = SmsSenderKind.Development;

    /// <summary>How often SMS waiting for their time (quiet hours, gateway back-off) are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First wait after a temporary gateway failure; doubles per attempt up to <see cref="MaxRetryBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an SMS may stay Sent with neither the gateway's answer nor a delivery report before it is handed over
    /// again: the process died between claiming it and hearing back. Longer than Kannel's retries of a delivery report
    /// (http-request-retry × http-queue-delay), so an SMS the gateway did take is not sent twice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UnansweredHandOverTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Hand-overs before an SMS is given up as Failed (about four hours at the default back-off).</summary>
    [Range(1, 1000)]
    public int MaxSendAttempts { get; set; } = 48;

    /// <summary>No non-urgent SMS from <see cref="QuietHoursStart"/> to <see cref="QuietHoursEnd"/>; equal times switch quiet hours off.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    [Required]
    public string QuietHoursTimeZone { get; set; } = "Europe/Riga";

    /// <summary>
    /// Base of the public status page link added to each SMS (e.g. https://soc.lv/s); empty = no link. At most
    /// 30 characters, so every text still fits two parts with the 22-character token.
    /// </summary>
    [MaxLength(StatusLinks.MaxBaseUrlLength)]
    public string? StatusLinkBaseUrl { get; set; }

    public bool HasValidStatusLinkBaseUrl() =>
        string.IsNullOrEmpty(StatusLinkBaseUrl)
        || (Uri.TryCreate(StatusLinkBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
