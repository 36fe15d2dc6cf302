using System.ComponentModel.DataAnnotations;
using Referrals.Notification.Sending;

namespace Referrals.Notification;

/// <summary>Section <c>Notification</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notification";

    [EnumDataType(typeof(SmsSenderKind))]
    public SmsSenderKind Sender { get; set; } = SmsSenderKind.Development;
}
