using Referrals.Reference;

namespace Referrals.ProviderDirectory.Import.Vocabularies;

/// <summary>
/// Maps the register's client-group phrases (column 6) onto <see cref="ClientGroups"/>. The column is semi-free text,
/// so the map works on word stems; a phrase may map to several groups or to none (e.g. "residents of X").
/// </summary>
public static class ClientGroupPhrases
{
    /// <summary>Pseudo-group for "X novada / pilsētas iedzīvotāji": everyone living in the municipality.</summary>
    public const string Residents = "residents";

    private static readonly (string Stem, string Code)[] Stems =
    [
        ("garīga", ClientGroups.MentalDisorder),
        ("garīgās", ClientGroups.MentalDisorder),
        ("psihisko", ClientGroups.MentalDisorder),
        ("fiziska", ClientGroups.PhysicalDisability),
        ("fiziskās", ClientGroups.PhysicalDisability),
        ("fizisko", ClientGroups.PhysicalDisability),
        ("funkcionāliem", ClientGroups.PhysicalDisability),
        ("vecie ļaudis", ClientGroups.Elderly),
        ("veci cilvēki", ClientGroups.Elderly),
        ("pensij", ClientGroups.Elderly),
        ("pensionār", ClientGroups.Elderly),
        ("redzes", ClientGroups.VisualImpairment),
        ("dzirdes", ClientGroups.HearingImpairment),
        ("krīzes", ClientGroups.PersonsInCrisis),
        ("konfliktsituācij", ClientGroups.PersonsInCrisis),
        ("bāreņ", ClientGroups.ChildrenWithoutParentalCare),
        ("bez vecāku gādības", ClientGroups.ChildrenWithoutParentalCare),
        ("apmaldījušies", ClientGroups.ChildrenWithoutParentalCare),
        ("pamesti", ClientGroups.ChildrenWithoutParentalCare),
        ("bērni-invalīdi", ClientGroups.ChildrenWithFunctionalImpairment),
        ("bērni - invalīdi", ClientGroups.ChildrenWithFunctionalImpairment),
        ("bērnu-invalīdu", ClientGroups.ChildrenWithFunctionalImpairment),
        ("bērni - dzirdes", ClientGroups.ChildrenWithFunctionalImpairment),
        ("patvaļīgi aizgājuši", ClientGroups.ChildrenWithBehaviouralProblems),
        ("ģimenes ar bērniem", ClientGroups.FamiliesWithChildren),
        ("daudzbērnu", ClientGroups.FamiliesWithChildren),
        ("bērnu audzināšanā", ClientGroups.FamiliesWithChildren),
        ("riska ģimen", ClientGroups.FamiliesWithChildren),
        ("bērnu-invalīdu ģimenes", ClientGroups.FamiliesWithChildren),
        ("audžuģimenes", ClientGroups.FamiliesWithChildren),
        ("aizbildņi", ClientGroups.FamiliesWithChildren),
        ("māmiņas", ClientGroups.FamiliesWithChildren),
        ("bezpajumtn", ClientGroups.Homeless),
        ("bez noteiktas dzīvesvietas", ClientGroups.Homeless),
        ("dzīvojamo", ClientGroups.Homeless),
        ("trūcīg", ClientGroups.LowIncome),
        ("maznodrošināt", ClientGroups.LowIncome),
        ("neaizsargāt", ClientGroups.LowIncome),
        ("bezdarbn", ClientGroups.LowIncome),
        ("izslēgtības", ClientGroups.LowIncome),
        ("ieslodz", ClientGroups.FormerPrisoners),
        ("atkarīb", ClientGroups.Addiction),
        ("prettiesisk", ClientGroups.VictimsOfViolence),
        ("vardarb", ClientGroups.VictimsOfViolence),
        ("bērnunamiem", ClientGroups.YoungCareLeavers),
        ("palikušajiem jauniešiem", ClientGroups.YoungCareLeavers),
        ("iedzīvotāji", Residents),
    ];

    public static IReadOnlyList<string> Map(string phrase)
    {
        var f = Text.Fold(phrase);
        var codes = new List<string>();
        foreach (var (stem, code) in Stems)
        {
            if (f.Contains(stem, StringComparison.Ordinal) && !codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        // "bērni-invalīdi" are children with impairments, not the adult physical-disability group, unless stated.
        if (codes.Contains(ClientGroups.ChildrenWithFunctionalImpairment) && !f.Contains("fiziska", StringComparison.Ordinal))
        {
            codes.Remove(ClientGroups.PhysicalDisability);
        }

        return codes;
    }
}
