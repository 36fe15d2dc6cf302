using System.Text.Json.Serialization;

namespace Referrals.Intake.Submit;

/// <summary>The body of <c>POST /api/referrals</c>. Everything is nullable so a missing field is reported by name.</summary>
/// <remarks>
/// The init-only fields are optional eligibility facts passed on in ReferralSubmitted (see
/// <see cref="SubmitReferralFacts"/>). Left out of the idempotency hash when absent, so requests from before they
/// existed still hash as they did.
/// </remarks>
public sealed record SubmitReferralRequest(
    string? Municipality,
    string? ServiceType,
    string? ClientGroup,
    IReadOnlyList<string?>? Documents,
    string? PreferredProviderId,
    SubmitReferralClient? Client,
    SubmitReferralFamily? Family)
{
    /// <summary>Required (see <see cref="SubmitConsent"/>); a property only so the positional shape stays as it was.</summary>
    public SubmitReferralConsent? Consent { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReferredBy { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string?>? ConsentGivenBy { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CareLevel { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IncomeStatus { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string?>? DiagnosisCodes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? DocumentsCompleteOn { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Programme { get; init; }
}

public sealed record SubmitReferralClient(
    string? GivenName,
    string? FamilyName,
    string? PersonalCode,
    DateOnly? DateOfBirth,
    string? Gender,
    string? Address,
    string? DeclaredMunicipality);

public sealed record SubmitReferralFamily(string? Phone, string? PreferredLanguage, bool? SmsConsent);

/// <param name="GivenBy">person or legal-representative.</param>
/// <param name="GivenOn">The day consent was given, not in the future.</param>
/// <param name="Purposes">Must include referral-processing; sms-updates when the family gets SMS.</param>
public sealed record SubmitReferralConsent(string? GivenBy, DateOnly? GivenOn, IReadOnlyList<string?>? Purposes);

/// <summary>The 201 answer; <c>Location</c> points at the referral.</summary>
public sealed record SubmittedReferral(Guid Id, string ShortCode, string Status);
