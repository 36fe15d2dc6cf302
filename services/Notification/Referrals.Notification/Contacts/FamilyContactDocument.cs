using Referrals.Messaging.Outbox;

namespace Referrals.Notification.Contacts;

/// <summary>
/// How (and whether) the family of one referral may be texted; id = the referral id. Without consent the document
/// still exists, so a status change can tell "no consent" (send nothing, ever) from "not heard of yet" (wait).
/// </summary>
public sealed class FamilyContactDocument : OutboxDocument
{
    public Guid ReferralId { get; set; }

    public bool SmsConsent { get; set; }

    /// <summary>E.164; null without consent.</summary>
    public string? Phone { get; set; }

    /// <summary>lv, ru or en; Latvian when unknown.</summary>
    public string Language { get; set; } = "lv";

    public DateTimeOffset ReceivedAt { get; set; }

    public static string IdFor(Guid referralId) => referralId.ToString();
}
