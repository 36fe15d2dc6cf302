namespace Referrals.Notification.Sending;

/// <summary>Which gateway adapter <c>Notification:Sender</c> selects.</summary>
public enum SmsSenderKind
{
    /// <summary>Nothing leaves the process (the embedded default).</summary>
    Development,

    /// <summary>Kannel's smsbox HTTP <c>sendsms</c> (<c>Notification:Kannel</c>).</summary>
    Kannel,
}
