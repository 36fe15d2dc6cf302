namespace Referrals.Contracts.Intake;

/// <summary>
/// A social worker submitted a referral. Carries what eligibility and matching need (birth date, gender,
/// municipality, group, documents) and, only with consent, the family's SMS contact. Never the personal code or name.
/// <paramref name="MunicipalityCode"/> is the referring social service's municipality;
/// <paramref name="DeclaredMunicipalityCode"/> is the client's declared residence (MK 138: they normally coincide).
/// </summary>
public sealed record ReferralSubmitted(
    Guid EventId,
    Guid ReferralId,
    DateTimeOffset OccurredAt,
    string? Actor,
    string ShortCode,
    string MunicipalityCode,
    string DeclaredMunicipalityCode,
    string ServiceType,
    string ClientGroup,
    DateOnly DateOfBirth,
    string Gender,
    IReadOnlyList<string> Documents,
    string? PreferredProviderId,
    FamilyContact? Contact);
