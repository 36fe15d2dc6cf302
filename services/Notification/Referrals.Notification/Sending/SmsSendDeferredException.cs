namespace Referrals.Notification.Sending;

/// <summary>The gateway answered "try again later"; thrown so the consumer's retry policy sends the SMS again.</summary>
public sealed class SmsSendDeferredException(string messageId, string? detail)
    : Exception($"The SMS gateway deferred SMS {messageId}: {detail}");
