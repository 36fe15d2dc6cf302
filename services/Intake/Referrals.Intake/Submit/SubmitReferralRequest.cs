namespace Referrals.Intake.Submit;

/// <summary>The body of <c>POST /api/referrals</c>. Everything is nullable so a missing field is reported by name.</summary>
public sealed record SubmitReferralRequest(
    string? Municipality,
    string? ServiceType,
    string? ClientGroup,
    IReadOnlyList<string?>? Documents,
    string? PreferredProviderId,
    SubmitReferralClient? Client,
    SubmitReferralFamily? Family);

public sealed record SubmitReferralClient(
    string? GivenName,
    string? FamilyName,
    string? PersonalCode,
    DateOnly? DateOfBirth,
    string? Gender,
    string? Address,
    string? DeclaredMunicipality);

public sealed record SubmitReferralFamily(string? Phone, string? PreferredLanguage, bool? SmsConsent);

/// <summary>The 201 answer; <c>Location</c> points at the referral.</summary>
public sealed record SubmittedReferral(Guid Id, string ShortCode, string Status);
