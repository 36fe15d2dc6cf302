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
    FamilyContact? Contact)
{
    // Optional eligibility facts (issue 5). Init-only with null defaults so every existing constructor call compiles;
    // null means "not stated", which the eligibility rules that need the fact turn into NeedsInformation.

    /// <summary>Who referred: social-service | orphans-court | doctor | probation-or-court | self.</summary>
    public string? ReferredBy { get; init; }

    /// <summary>Who has given consent: any of person | legal-representative.</summary>
    public IReadOnlyList<string>? ConsentGivenBy { get; init; }

    /// <summary>Care level I | II | III | IV (DI plan, adults).</summary>
    public string? CareLevel { get; init; }

    /// <summary>Means-tested status: needy (trūcīga) | low-income (maznodrošināta) | none.</summary>
    public string? IncomeStatus { get; init; }

    /// <summary>ICD-10 codes, e.g. F43.1.</summary>
    public IReadOnlyList<string>? DiagnosisCodes { get; init; }

    /// <summary>The day the documents were complete: the MK 138 point 11 decision clock starts here.</summary>
    public DateOnly? DocumentsCompleteOn { get; init; }

    /// <summary>The specific programme of the children's-services catalogue (seed 004 code such as H4, M24, N8), if any.</summary>
    public string? Programme { get; init; }
}
