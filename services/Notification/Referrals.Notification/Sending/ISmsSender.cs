using Referrals.Notification.Encoding;

namespace Referrals.Notification.Sending;

/// <summary>
/// The SMS gateway port. An adapter answers for the hand-over only (Kannel: 202 accepted, 503 retry, 4xx permanent);
/// delivery reports come later and separately. Adapters map their own transport errors to a result instead of throwing.
/// </summary>
public interface ISmsSender
{
    Task<SmsSendResult> SendAsync(SmsRequest request, CancellationToken cancellationToken);
}

/// <param name="Reference">Our id for the SMS, for the gateway to echo in delivery reports (Kannel <c>dlr-url</c>).</param>
/// <param name="To">E.164.</param>
/// <param name="Alphabet">Kannel <c>coding</c>: 0 for GSM-7, 2 for UCS-2.</param>
/// <param name="Segments">The parts the text needs (Kannel <c>max-messages</c> must allow them).</param>
public sealed record SmsRequest(Guid Reference, string To, string Text, SmsAlphabet Alphabet, int Segments)
{
    /// <summary>Our stored message's id ("{referralId}:{sequence}"), for the delivery-report URL.</summary>
    public string? MessageId { get; init; }
}

public enum SmsSendOutcome
{
    Accepted,

    /// <summary>The gateway certainly did not take it (connection refused, 503): safe to hand over again.</summary>
    RetryableFailure,

    PermanentFailure,

    /// <summary>
    /// The request may have reached the gateway but no answer came back (connection reset, timeout). Handing it over
    /// again at once could send the family a second text; its delivery report decides, or the unanswered-hand-over
    /// timeout does.
    /// </summary>
    AnswerUnknown,
}

/// <param name="GatewayReference">The gateway's id for the message, when it gives one.</param>
/// <param name="Detail">The gateway's answer, for the history; never the text or the number.</param>
public sealed record SmsSendResult(SmsSendOutcome Outcome, string? GatewayReference = null, string? Detail = null)
{
    public static SmsSendResult Accepted(string? gatewayReference = null, string? detail = null) =>
        new(SmsSendOutcome.Accepted, gatewayReference, detail);

    public static SmsSendResult Retryable(string detail) => new(SmsSendOutcome.RetryableFailure, null, detail);

    public static SmsSendResult Permanent(string detail) => new(SmsSendOutcome.PermanentFailure, null, detail);

    public static SmsSendResult Unknown(string detail) => new(SmsSendOutcome.AnswerUnknown, null, detail);
}
