using MongoDB.Bson.Serialization.Attributes;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Referrals;

/// <summary>
/// One referral as Intake owns it. <see cref="OutboxDocument.Id"/> is an internal Guid; the personal code is data
/// (it can change once), and the client has an internal id of its own.
/// </summary>
public sealed class Referral : OutboxDocument
{
    public string ShortCode { get; set; } = "";

    public ReferralStatus Status { get; set; }

    /// <summary>Numbers the status changes announced so far (the last ReferralStatusChanged.Sequence).</summary>
    public int StatusSequence { get; set; }

    /// <summary>The highest directory attempt seen, so older offers, declines and waitlistings are told apart.</summary>
    public int LastAttempt { get; set; }

    public string Municipality { get; set; } = "";

    public string ServiceType { get; set; } = "";

    public string ClientGroup { get; set; } = "";

    public List<string> Documents { get; set; } = [];

    public string? PreferredProviderId { get; set; }

    public ReferralClient Client { get; set; } = new();

    public ReferralFamily Family { get; set; } = new();

    /// <summary>The optional facts eligibility rules look at (who referred, consent, care level…); null when none were given.</summary>
    public ReferralFacts? Facts { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ReferralEligibility? Eligibility { get; set; }

    public ReferralOffer? CurrentOffer { get; set; }

    public ReferralPlacement? Placement { get; set; }

    public int? WaitlistPosition { get; set; }

    public ReferralOutcome? Outcome { get; set; }

    public string? OutcomeNote { get; set; }

    public string? WithdrawReason { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];

    /// <summary>Every offer a provider declined, once per offer, for the declines-by-reason report (never parsed from the timeline).</summary>
    public List<ReferralDecline> Declines { get; set; } = [];

    /// <summary>Who consented to the processing, for which purposes, and when; null only for referrals from before consent was recorded.</summary>
    public ReferralConsent? Consent { get; set; }

    /// <summary>Set when the retention period ran out and the client's personal data was erased.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>Absent (not null) in MongoDB when unset, so the sparse unique index only sees real keys.</summary>
    [BsonIgnoreIfNull]
    public string? IdempotencyKey { get; set; }

    [BsonIgnoreIfNull]
    public string? RequestHash { get; set; }

    /// <summary>The id as the Guid the contracts carry (a method, so neither serializer stores it).</summary>
    public Guid ReferralGuid() => Guid.Parse(Id);
}

public sealed class ReferralClient
{
    /// <summary>Internal client id: stable even when the person's code changes.</summary>
    public Guid ClientId { get; set; }

    /// <summary>Null once anonymised.</summary>
    public string? GivenName { get; set; }

    /// <summary>Null once anonymised.</summary>
    public string? FamilyName { get; set; }

    /// <summary>The personal code encrypted (see <c>PersonalDataProtector</c>): never stored in clear.</summary>
    public string? ProtectedPersonalCode { get; set; }

    /// <summary>Keyed hash (HMAC-SHA256) of the normalised personal code, the only way to search by it.</summary>
    public string? PersonalCodeHash { get; set; }

    /// <summary>Once anonymised only the birth year is kept, as 1 January of that year.</summary>
    public DateOnly DateOfBirth { get; set; }

    public string Gender { get; set; } = "";

    public string? Address { get; set; }

    public string DeclaredMunicipality { get; set; } = "";
}

public sealed class ReferralFamily
{
    /// <summary>The E.164 number encrypted (see <c>PersonalDataProtector</c>), or null when none was given.</summary>
    public string? ProtectedPhone { get; set; }

    public string PreferredLanguage { get; set; } = "lv";

    public bool SmsConsent { get; set; }
}

public sealed class ReferralFacts
{
    public string? ReferredBy { get; set; }

    public List<string>? ConsentGivenBy { get; set; }

    public string? CareLevel { get; set; }

    public string? IncomeStatus { get; set; }

    public List<string>? DiagnosisCodes { get; set; }

    public DateOnly? DocumentsCompleteOn { get; set; }

    public string? Programme { get; set; }
}

public sealed class ReferralEligibility
{
    public EligibilityOutcome Outcome { get; set; }

    public string RuleSetVersion { get; set; } = "";

    public List<ReferralRuleResult> Results { get; set; } = [];
}

public sealed class ReferralRuleResult
{
    public string RuleId { get; set; } = "";

    public RuleVerdict Verdict { get; set; }

    public string ReasonLv { get; set; } = "";

    public string ReasonEn { get; set; } = "";
}

public sealed class ReferralOffer
{
    public Guid OfferId { get; set; }

    public string ProviderId { get; set; } = "";

    public string ProviderName { get; set; } = "";

    public string ServiceId { get; set; } = "";

    public int Attempt { get; set; }
}

public sealed class ReferralPlacement
{
    public string ProviderId { get; set; } = "";

    public string ProviderName { get; set; } = "";

    public string? ProviderPhone { get; set; }

    public string ServiceId { get; set; } = "";

    public DateTimeOffset AcceptedAt { get; set; }
}

/// <summary>One declined offer: which, by whom, why (the closed list; the free text stays in the directory), when.</summary>
public sealed class ReferralDecline
{
    public Guid OfferId { get; set; }

    public int Attempt { get; set; }

    public string ProviderId { get; set; } = "";

    public DeclineReason Reason { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>The consent recorded at intake.</summary>
public sealed class ReferralConsent
{
    /// <summary>person or legal-representative.</summary>
    public string GivenBy { get; set; } = "";

    public DateOnly GivenOn { get; set; }

    /// <summary>referral-processing (always) and optionally sms-updates.</summary>
    public List<string> Purposes { get; set; } = [];

    /// <summary>The social worker who recorded it (an id).</summary>
    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One line of the referral's history: when, what happened, the status after it, who, and why.</summary>
public sealed class TimelineEntry
{
    public DateTimeOffset At { get; set; }

    public string Event { get; set; } = "";

    public ReferralStatus Status { get; set; }

    public string? Actor { get; set; }

    public string? Detail { get; set; }
}
