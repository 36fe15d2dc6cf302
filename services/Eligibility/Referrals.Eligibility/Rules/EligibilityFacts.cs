namespace Referrals.Eligibility.Rules;

/// <summary>What the rules look at. Lives only for one evaluation: assessments store verdicts, never these facts.</summary>
/// <param name="Municipality">The referring social service's municipality.</param>
/// <param name="DeclaredMunicipality">The client's declared residence.</param>
/// <remarks>
/// The init-only facts are optional: null means "not stated in the referral". A criterion that needs one of them
/// answers MissingInformation when the fact is essential to it, otherwise a warning.
/// </remarks>
public sealed record EligibilityFacts(
    string ServiceType,
    string ClientGroup,
    DateOnly DateOfBirth,
    string Municipality,
    string DeclaredMunicipality,
    IReadOnlyCollection<string> Documents)
{
    /// <summary>female | male.</summary>
    public string? Gender { get; init; }

    /// <summary>One of <see cref="FactCodes.Referrers"/>.</summary>
    public string? ReferredBy { get; init; }

    /// <summary>Any of <see cref="FactCodes.Consenters"/>.</summary>
    public IReadOnlyCollection<string>? ConsentGivenBy { get; init; }

    /// <summary>One of <see cref="FactCodes.CareLevels"/>.</summary>
    public string? CareLevel { get; init; }

    /// <summary>One of <see cref="FactCodes.IncomeStatuses"/>.</summary>
    public string? IncomeStatus { get; init; }

    /// <summary>ICD-10 codes.</summary>
    public IReadOnlyCollection<string>? DiagnosisCodes { get; init; }

    /// <summary>Seed-004 programme code (H4, M24…) when the referral is for a specific programme.</summary>
    public string? Programme { get; init; }
}
