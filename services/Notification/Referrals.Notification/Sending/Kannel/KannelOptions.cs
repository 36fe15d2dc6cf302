using Microsoft.Extensions.Options;

namespace Referrals.Notification.Sending.Kannel;

/// <summary>
/// Section <c>Notification:Kannel</c> (environment: <c>Notification__Kannel__*</c>, as in docker-compose.yml and k8s).
/// Required only when <c>Notification:Sender</c> is Kannel.
/// </summary>
public sealed class KannelOptions
{
    public const string Section = "Notification:Kannel";

    /// <summary>The smsbox sendsms listener, e.g. http://kannel-smsbox:13013.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The smsbox <c>sendsms-user</c>.</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Sender id shown on the phone (alphanumeric, at most 11 characters, or a number).</summary>
    public string From { get; set; } = "";

    /// <summary>How Kannel reaches this service for delivery reports, e.g. http://notification:8080.</summary>
    public string DeliveryReportBaseUrl { get; set; } = "";

    /// <summary>
    /// Shared secret Kannel sends back on its calls to this service (delivery reports, inbound SMS) as <c>&amp;secret=…</c>:
    /// the dlr-url carries it, and kannel.conf's sms-service get-url must too. Those endpoints are anonymous (Kannel has
    /// no user token); when set, a call without the right secret gets 403 and changes nothing. Empty = not checked
    /// (the gateway blocks those paths from outside either way). At least 32 URL-safe characters (A–Z a–z 0–9 - . _ ~),
    /// because it goes verbatim into kannel.conf. Never logged.
    /// </summary>
    public string CallbackSecret { get; set; } = "";

    /// <summary>Kannel <c>dlr-mask</c>: 31 = delivered, failed, buffered, accepted and rejected by the SMS centre.</summary>
    public int DeliveryReportMask { get; set; } = 31;

    /// <summary>Immediate retries of one hand-over on 503 or a connection error, before it waits for the re-sender.</summary>
    public int RetryAttempts { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the circuit stays open after the gateway kept failing: SMS wait in the store meanwhile.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Names every missing or unusable setting at start-up, but only when Kannel is the selected sender.</summary>
public sealed class KannelOptionsValidator(IOptions<NotificationOptions> notification) : IValidateOptions<KannelOptions>
{
    public const int MinCallbackSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, KannelOptions options)
    {
        // The callback endpoints check the secret whichever sender is selected, so it is validated whenever it is set.
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.CallbackSecret) && !IsUsableSecret(options.CallbackSecret))
        {
            errors.Add($"Notification:Kannel:CallbackSecret must be at least {MinCallbackSecretLength} URL-safe characters (A-Z a-z 0-9 - . _ ~), or empty.");
        }

        if (notification.Value.Sender != SmsSenderKind.Kannel)
        {
            return errors.Count == 0 ? ValidateOptionsResult.Skip : ValidateOptionsResult.Fail(errors);
        }

        if (!IsHttpUrl(options.BaseUrl))
        {
            errors.Add("Notification:Kannel:BaseUrl must be the smsbox sendsms URL, e.g. http://kannel-smsbox:13013.");
        }

        if (!IsHttpUrl(options.DeliveryReportBaseUrl))
        {
            errors.Add("Notification:Kannel:DeliveryReportBaseUrl must be this service's URL as Kannel reaches it, e.g. http://notification:8080.");
        }

        if (string.IsNullOrWhiteSpace(options.Username))
        {
            errors.Add("Notification:Kannel:Username is required (the smsbox sendsms-user).");
        }

        if (string.IsNullOrWhiteSpace(options.Password))
        {
            errors.Add("Notification:Kannel:Password is required.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || options.From.Length > 16)
        {
            errors.Add("Notification:Kannel:From is required: an alphanumeric sender id of at most 11 characters or a number.");
        }

        if (options.DeliveryReportMask is < 0 or > 63)
        {
            errors.Add("Notification:Kannel:DeliveryReportMask must be 0–63.");
        }

        if (options.RetryAttempts is < 0 or > 10 || options.RetryDelay < TimeSpan.Zero
            || options.BreakDuration < TimeSpan.FromMilliseconds(500) || options.Timeout <= TimeSpan.Zero)
        {
            errors.Add("Notification:Kannel retry settings are out of range (RetryAttempts 0–10, BreakDuration ≥ 0.5 s, Timeout > 0).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsUsableSecret(string secret) =>
        secret.Length >= MinCallbackSecretLength && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
