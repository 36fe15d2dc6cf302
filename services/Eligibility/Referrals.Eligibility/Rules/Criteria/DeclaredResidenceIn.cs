using Referrals.Reference;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// MK 138 point 9: a person applies to the social service of their declared-residence municipality, so the declared
/// municipality must be the referring one. Crisis services are exempt (municipal regulations, e.g. Valka, take in
/// persons in crisis wherever they are declared).
/// </summary>
public sealed record DeclaredResidenceIn : Criterion
{
    /// <summary>Service types for which residence elsewhere does not matter.</summary>
    public IReadOnlyList<string> ExemptServiceTypes { get; init; } = [];

    /// <summary>Client groups for whom residence elsewhere does not matter (persons in crisis staying in the territory).</summary>
    public IReadOnlyList<string> ExemptClientGroups { get; init; } = [];

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var declared = Names.Municipality(facts.DeclaredMunicipality);
        if (string.Equals(facts.DeclaredMunicipality, facts.Municipality, StringComparison.OrdinalIgnoreCase))
        {
            return CriterionCheck.Passed(
                $"Deklarētā dzīvesvieta ({declared.Lv}) ir nosūtītāja pašvaldībā",
                $"Declared residence ({declared.En}) is in the referring municipality");
        }

        var referring = Names.Municipality(facts.Municipality);
        if (ExemptServiceTypes.Contains(facts.ServiceType, StringComparer.Ordinal))
        {
            var service = Names.Of(ServiceTypes.All, facts.ServiceType);
            return CriterionCheck.Passed(
                $"Deklarētā dzīvesvieta ({declared.Lv}) nav nosūtītāja pašvaldībā ({referring.Lv}), bet krīzes pakalpojumam ({service.Lv}) tas nav šķērslis",
                $"Declared residence ({declared.En}) is not the referring municipality ({referring.En}), but that does not bar a crisis service ({service.En})");
        }

        if (ExemptClientGroups.Contains(facts.ClientGroup, StringComparer.Ordinal))
        {
            var group = Names.Of(ClientGroups.All, facts.ClientGroup);
            return CriterionCheck.Passed(
                $"Deklarētā dzīvesvieta ({declared.Lv}) nav nosūtītāja pašvaldībā ({referring.Lv}), bet klienta grupai ({group.Lv}) tas nav šķērslis",
                $"Declared residence ({declared.En}) is not the referring municipality ({referring.En}), but that does not bar the client group ({group.En})");
        }

        return CriterionCheck.Failed(
            $"Deklarētā dzīvesvieta ir {declared.Lv}, nevis {referring.Lv}; pakalpojumu pieprasa deklarētās dzīvesvietas pašvaldības sociālajā dienestā",
            $"Declared residence is {declared.En}, not {referring.En}; the service is requested from the social service of the declared-residence municipality");
    }

    public override IEnumerable<RuleProblem> Problems() =>
        Names.CodeProblems("exemptServiceTypes", ExemptServiceTypes, ServiceTypes.IsKnown, "service type", allowEmpty: true)
            .Concat(Names.CodeProblems("exemptClientGroups", ExemptClientGroups, ClientGroups.IsKnown, "client group", allowEmpty: true));
}
