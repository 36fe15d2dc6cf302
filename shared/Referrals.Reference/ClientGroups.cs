namespace Referrals.Reference;

/// <summary>Client groups named by the seeds (000, 001, 003, 004), merged into one taxonomy.</summary>
public static class ClientGroups
{
    public const string Elderly = "elderly";
    public const string PhysicalDisability = "physical-disability";
    public const string MentalDisorder = "mental-disorder";
    public const string VisualImpairment = "visual-impairment";
    public const string HearingImpairment = "hearing-impairment";
    public const string PersonsInCrisis = "persons-in-crisis";
    public const string ChildrenWithoutParentalCare = "children-without-parental-care";
    public const string ChildrenWithFunctionalImpairment = "children-with-functional-impairment";
    public const string ChildrenWithBehaviouralProblems = "children-with-behavioural-problems";
    public const string FamiliesWithChildren = "families-with-children";
    public const string Homeless = "homeless";
    public const string LowIncome = "low-income";
    public const string FormerPrisoners = "former-prisoners";
    public const string Addiction = "addiction";
    public const string VictimsOfViolence = "victims-of-violence";
    public const string YoungCareLeavers = "young-care-leavers";

    public static readonly IReadOnlyList<Term> All =
    [
        new(Elderly, "Pensijas vecuma personas", "Elderly people"),
        new(PhysicalDisability, "Personas ar fiziska rakstura traucējumiem", "People with physical disabilities"),
        new(MentalDisorder, "Personas ar garīga rakstura traucējumiem", "People with mental disorders"),
        new(VisualImpairment, "Personas ar redzes traucējumiem", "People with visual impairment"),
        new(HearingImpairment, "Personas ar dzirdes traucējumiem", "People with hearing impairment"),
        new(PersonsInCrisis, "Personas krīzes situācijā", "People in crisis"),
        new(ChildrenWithoutParentalCare, "Bāreņi un bez vecāku gādības palikuši bērni", "Orphans and children without parental care"),
        new(ChildrenWithFunctionalImpairment, "Bērni ar funkcionāliem traucējumiem", "Children with functional impairments"),
        new(ChildrenWithBehaviouralProblems, "Bērni ar uzvedības vai atkarību problēmām", "Children with behavioural or addiction problems"),
        new(FamiliesWithChildren, "Ģimenes ar bērniem", "Families with children"),
        new(Homeless, "Bezpajumtnieki", "Homeless people"),
        new(LowIncome, "Trūcīgas un maznodrošinātas personas", "Needy and low-income people"),
        new(FormerPrisoners, "No ieslodzījuma atbrīvotas personas", "People released from prison"),
        new(Addiction, "Personas ar atkarībām", "People with addictions"),
        new(VictimsOfViolence, "Vardarbībā cietušie", "Victims of violence"),
        new(YoungCareLeavers, "Jaunieši pēc ārpusģimenes aprūpes", "Young care leavers"),
    ];

    public static bool IsKnown(string? code) => code is not null && All.Any(t => t.Code == code);
}
