namespace Referrals.Portal.Security;

/// <summary>What the identity provider sign-in logs: reasons and statuses, never a token, a name or a claim value.</summary>
internal static partial class PortalSignInLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in with the identity provider failed: {Failure}: {Reason}")]
    public static partial void SignInFailed(this ILogger logger, string? failure, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The identity provider refused the refresh token ({Status})")]
    public static partial void RefreshRefused(this ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the portal session at the identity provider failed: {Failure}")]
    public static partial void RefreshFailed(this ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "The portal session could not be renewed; the user signs in again")]
    public static partial void SessionEnded(this ILogger logger);
}
