namespace Referrals.Notification.Sending;

/// <summary>Which gateway adapter <c>Notification:Sender</c> selects. Kannel follows in its own issue.</summary>
public enum SmsSenderKind
{
    Development,
}
