namespace Referrals.Eligibility.Rules;

/// <summary>What the rules look at. Lives only for one evaluation: assessments store verdicts, never these facts.</summary>
/// <param name="Municipality">The referring social service's municipality.</param>
/// <param name="DeclaredMunicipality">The client's declared residence.</param>
public sealed record EligibilityFacts(
    string ServiceType,
    string ClientGroup,
    DateOnly DateOfBirth,
    string Municipality,
    string DeclaredMunicipality,
    IReadOnlyCollection<string> Documents);
