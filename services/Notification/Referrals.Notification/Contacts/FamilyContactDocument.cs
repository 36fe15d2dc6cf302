using Referrals.Contracts.Intake;
using Referrals.Messaging.Outbox;

namespace Referrals.Notification.Contacts;

/// <summary>
/// How (and whether) the family of one referral may be texted; id = the referral id. Without consent the document
/// still exists, so a status change can tell "no consent" (send nothing, ever) from "not heard of yet" (wait).
/// </summary>
public sealed class FamilyContactDocument : OutboxDocument
{
    /// <summary>The "actor" of an opt-out the family sent themselves by replying STOP.</summary>
    public const string FamilySmsReply = "family-sms-reply";

    public Guid ReferralId { get; set; }

    /// <summary>
    /// The referring social service's municipality (ISO 3166-2:LV, from ReferralSubmitted): the tenant whose social
    /// workers may change, and whose region's coordinator may read, this referral's SMS. Null on documents stored
    /// before it was recorded; nobody can see those through the API (fail closed).
    /// </summary>
    public string? MunicipalityCode { get; set; }

    public bool SmsConsent { get; set; }

    /// <summary>E.164; null without consent.</summary>
    public string? Phone { get; set; }

    /// <summary>lv, ru or en; Latvian when unknown.</summary>
    public string Language { get; set; } = "lv";

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>"Do not contact": set by the social worker or by the family replying STOP. Checked at every send.</summary>
    public bool OptedOut { get; set; }

    public DateTimeOffset? OptedOutAt { get; set; }

    /// <summary>Who last set or undid "do not contact": the social worker's actor id, or <see cref="FamilySmsReply"/>.</summary>
    public string? PreferenceChangedBy { get; set; }

    /// <summary>When the referral's personal data was erased (ReferralAnonymised); the phone is gone from then on.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>The newest family-relevant status change seen, so an SMS held overnight can tell it is out of date.</summary>
    public int LatestRelevantSequence { get; set; }

    /// <summary>The public status page token (128 random bits); only with consent.</summary>
    public string? StatusToken { get; set; }

    /// <summary>The newest status change seen, for the status page.</summary>
    public int LatestSequence { get; set; }

    public ReferralStatus? Status { get; set; }

    public string? ProviderName { get; set; }

    public string? ProviderPhone { get; set; }

    public static string IdFor(Guid referralId) => referralId.ToString();
}
