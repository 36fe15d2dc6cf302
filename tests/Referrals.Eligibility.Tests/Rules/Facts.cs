using Referrals.Eligibility.Rules;
using Referrals.Reference;

namespace Referrals.Eligibility.Tests.Rules;

/// <summary>Facts for rule tests: a Daugavpils client with every document unless a test says otherwise.</summary>
internal static class Facts
{
    public static readonly DateOnly AssessmentDate = new(2026, 6, 15);

    public static readonly IReadOnlyList<string> AllDocuments = Documents.All.Select(d => d.Code).ToList();

    public static EligibilityFacts For(
        string serviceType,
        string clientGroup,
        string dateOfBirth = "1970-01-01",
        string municipality = "LV-DGV",
        string declaredMunicipality = "LV-DGV",
        IReadOnlyCollection<string>? documents = null) =>
        new(serviceType, clientGroup, DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture),
            municipality, declaredMunicipality, documents ?? AllDocuments);
}
