namespace Referrals.Reference;

/// <summary>
/// Social-service types from the catalogue in the domain primer (shared/domain/README.md §7).
/// Crisis services are urgent: their notices are never held back by quiet hours.
/// </summary>
public static class ServiceTypes
{
    public const string SocialWork = "social-work";
    public const string HomeCare = "home-care";
    public const string DayCareCentre = "day-care-centre";
    public const string ChildDayCentre = "child-day-centre";
    public const string LongTermCare = "long-term-care";
    public const string ShortTermCare = "short-term-care";
    public const string Respite = "respite";
    public const string CrisisCentre = "crisis-centre";
    public const string Shelter = "shelter";
    public const string GroupHome = "group-home";
    public const string HalfwayHouse = "halfway-house";
    public const string ShelteredWorkshop = "sheltered-workshop";
    public const string SocialHousing = "social-housing";
    public const string ServiceApartment = "service-apartment";
    public const string FamilyAssistant = "family-assistant";
    public const string SocialMentor = "social-mentor";
    public const string ChildVictimRehabilitation = "child-victim-rehabilitation";
    public const string BehaviourCorrection = "behaviour-correction";
    public const string FamilyLikeCareHome = "family-like-care-home";
    public const string YouthHome = "youth-home";
    public const string CorrectionCareHome = "correction-care-home";
    public const string FosterCare = "foster-care";
    public const string SoupKitchen = "soup-kitchen";

    public static readonly IReadOnlyList<Term> All =
    [
        new(SocialWork, "Sociālā darba pakalpojums", "Social work (case management)"),
        new(HomeCare, "Aprūpe mājās", "Home care"),
        new(DayCareCentre, "Dienas aprūpes centrs", "Day care centre"),
        new(ChildDayCentre, "Dienas (atbalsta) centrs bērniem", "Day / support centre for children"),
        new(LongTermCare, "Ilgstošas sociālās aprūpes institūcija", "Long-term residential care"),
        new(ShortTermCare, "Īslaicīga sociālā aprūpe", "Short-term care"),
        new(Respite, "Atelpas brīdis", "Respite care"),
        new(CrisisCentre, "Krīzes centrs", "Crisis centre"),
        new(Shelter, "Patversme / nakts patversme", "Shelter / night shelter"),
        new(GroupHome, "Grupu māja (dzīvoklis)", "Group home"),
        new(HalfwayHouse, "Pusceļa māja", "Halfway house"),
        new(ShelteredWorkshop, "Specializētās darbnīcas", "Sheltered workshops"),
        new(SocialHousing, "Sociālā māja / dzīvokļi", "Social housing"),
        new(ServiceApartment, "Servisa dzīvoklis", "Service apartment"),
        new(FamilyAssistant, "Ģimenes asistents", "Family assistant"),
        new(SocialMentor, "Sociālais mentors", "Social mentor"),
        new(ChildVictimRehabilitation, "Sociālā rehabilitācija vardarbībā cietušiem bērniem", "Rehabilitation for child victims of violence"),
        new(BehaviourCorrection, "Uzvedības sociālās korekcijas programma", "Behaviour correction programme"),
        new(FamilyLikeCareHome, "Ģimenes videi pietuvināta aprūpes māja", "Family-like care home"),
        new(YouthHome, "Jauniešu māja", "Youth home"),
        new(CorrectionCareHome, "Sociālās korekcijas aprūpes māja", "Correction care home"),
        new(FosterCare, "Audžuģimene", "Foster care"),
        new(SoupKitchen, "Bezmaksas virtuve", "Soup kitchen"),
    ];

    private static readonly HashSet<string> Crisis = new(StringComparer.Ordinal) { CrisisCentre, Shelter };

    public static bool IsKnown(string? code) => code is not null && All.Any(t => t.Code == code);

    public static bool IsCrisis(string code) => Crisis.Contains(code);

    public static Term? Find(string? code) => All.FirstOrDefault(t => t.Code == code);
}
