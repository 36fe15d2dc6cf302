using Referrals.Reference;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>Which municipality's residents or social service a local programme serves (e.g. "lives in Tukuma novads").</summary>
public sealed record MunicipalityIn : Criterion
{
    public required IReadOnlyList<string> Municipalities { get; init; }

    /// <summary>Whether the declared residence (default) or the referring social service must be in the set.</summary>
    public MunicipalityRole Of { get; init; } = MunicipalityRole.Declared;

    /// <summary>Client groups exempt from the residence condition (persons in crisis staying in the territory).</summary>
    public IReadOnlyList<string> ExemptClientGroups { get; init; } = [];

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var code = Of == MunicipalityRole.Declared ? facts.DeclaredMunicipality : facts.Municipality;
        var actual = Names.Municipality(code);
        var wanted = (Lv: string.Join(", ", Municipalities.Select(m => Names.Municipality(m).Lv)), En: string.Join(", ", Municipalities.Select(m => Names.Municipality(m).En)));
        var (roleLv, roleEn) = Of == MunicipalityRole.Declared ? ("Deklarētā dzīvesvieta", "Declared residence") : ("Nosūtītāja pašvaldība", "Referring municipality");
        if (Municipalities.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            return CriterionCheck.Passed($"{roleLv} ({actual.Lv}) atbilst", $"{roleEn} ({actual.En}) fits");
        }

        if (ExemptClientGroups.Contains(facts.ClientGroup, StringComparer.Ordinal))
        {
            return CriterionCheck.Passed(
                $"{roleLv} ({actual.Lv}) nav {wanted.Lv}, bet krīzes situācijā tas nav šķērslis",
                $"{roleEn} ({actual.En}) is not {wanted.En}, but that does not bar a person in crisis");
        }

        return CriterionCheck.Failed($"{roleLv}: {actual.Lv}; programma paredzēta: {wanted.Lv}", $"{roleEn}: {actual.En}; the programme is for: {wanted.En}");
    }

    public override IEnumerable<RuleProblem> Problems() =>
        Names.CodeProblems("municipalities", Municipalities, c => Reference.Municipalities.Find(c) is not null, "municipality")
            .Concat(Names.CodeProblems("exemptClientGroups", ExemptClientGroups, ClientGroups.IsKnown, "client group", allowEmpty: true));
}

public enum MunicipalityRole
{
    Declared,
    Referring,
}
