namespace Referrals.Reference;

/// <summary>
/// The 43 municipalities of the 2021 reform (7 state cities and 36 novadi) with their planning regions
/// (Reģionālās attīstības likums). Codes are ISO 3166-2:LV so they stay stable when names are respelled.
/// </summary>
public static class Municipalities
{
    public static readonly IReadOnlyList<Municipality> All =
    [
        new("LV-DGV", "Daugavpils valstspilsēta", "Daugavpils", PlanningRegion.Latgale),
        new("LV-JEL", "Jelgavas valstspilsēta", "Jelgava", PlanningRegion.Zemgale),
        new("LV-JUR", "Jūrmalas valstspilsēta", "Jūrmala", PlanningRegion.Riga),
        new("LV-LPX", "Liepājas valstspilsēta", "Liepāja", PlanningRegion.Kurzeme),
        new("LV-REZ", "Rēzeknes valstspilsēta", "Rēzekne", PlanningRegion.Latgale),
        new("LV-RIX", "Rīgas valstspilsēta", "Riga", PlanningRegion.Riga),
        new("LV-VEN", "Ventspils valstspilsēta", "Ventspils", PlanningRegion.Kurzeme),
        new("LV-002", "Aizkraukles novads", "Aizkraukle Municipality", PlanningRegion.Zemgale),
        new("LV-007", "Alūksnes novads", "Alūksne Municipality", PlanningRegion.Vidzeme),
        new("LV-011", "Ādažu novads", "Ādaži Municipality", PlanningRegion.Riga),
        new("LV-015", "Balvu novads", "Balvi Municipality", PlanningRegion.Latgale),
        new("LV-016", "Bauskas novads", "Bauska Municipality", PlanningRegion.Zemgale),
        new("LV-022", "Cēsu novads", "Cēsis Municipality", PlanningRegion.Vidzeme),
        new("LV-026", "Dobeles novads", "Dobele Municipality", PlanningRegion.Zemgale),
        new("LV-033", "Gulbenes novads", "Gulbene Municipality", PlanningRegion.Vidzeme),
        new("LV-041", "Jelgavas novads", "Jelgava Municipality", PlanningRegion.Zemgale),
        new("LV-042", "Jēkabpils novads", "Jēkabpils Municipality", PlanningRegion.Zemgale),
        new("LV-047", "Krāslavas novads", "Krāslava Municipality", PlanningRegion.Latgale),
        new("LV-050", "Kuldīgas novads", "Kuldīga Municipality", PlanningRegion.Kurzeme),
        new("LV-052", "Ķekavas novads", "Ķekava Municipality", PlanningRegion.Riga),
        new("LV-054", "Limbažu novads", "Limbaži Municipality", PlanningRegion.Riga),
        new("LV-056", "Līvānu novads", "Līvāni Municipality", PlanningRegion.Latgale),
        new("LV-058", "Ludzas novads", "Ludza Municipality", PlanningRegion.Latgale),
        new("LV-059", "Madonas novads", "Madona Municipality", PlanningRegion.Vidzeme),
        new("LV-062", "Mārupes novads", "Mārupe Municipality", PlanningRegion.Riga),
        new("LV-067", "Ogres novads", "Ogre Municipality", PlanningRegion.Riga),
        new("LV-068", "Olaines novads", "Olaine Municipality", PlanningRegion.Riga),
        new("LV-073", "Preiļu novads", "Preiļi Municipality", PlanningRegion.Latgale),
        new("LV-077", "Rēzeknes novads", "Rēzekne Municipality", PlanningRegion.Latgale),
        new("LV-080", "Ropažu novads", "Ropaži Municipality", PlanningRegion.Riga),
        new("LV-087", "Salaspils novads", "Salaspils Municipality", PlanningRegion.Riga),
        new("LV-088", "Saldus novads", "Saldus Municipality", PlanningRegion.Kurzeme),
        new("LV-089", "Saulkrastu novads", "Saulkrasti Municipality", PlanningRegion.Riga),
        new("LV-091", "Siguldas novads", "Sigulda Municipality", PlanningRegion.Riga),
        new("LV-094", "Smiltenes novads", "Smiltene Municipality", PlanningRegion.Vidzeme),
        new("LV-097", "Talsu novads", "Talsi Municipality", PlanningRegion.Kurzeme),
        new("LV-099", "Tukuma novads", "Tukums Municipality", PlanningRegion.Riga),
        new("LV-101", "Valkas novads", "Valka Municipality", PlanningRegion.Vidzeme),
        new("LV-102", "Varakļānu novads", "Varakļāni Municipality", PlanningRegion.Vidzeme),
        new("LV-106", "Ventspils novads", "Ventspils Municipality", PlanningRegion.Kurzeme),
        new("LV-111", "Augšdaugavas novads", "Augšdaugava Municipality", PlanningRegion.Latgale),
        new("LV-112", "Dienvidkurzemes novads", "South Kurzeme Municipality", PlanningRegion.Kurzeme),
        new("LV-113", "Valmieras novads", "Valmiera Municipality", PlanningRegion.Vidzeme),
    ];

    private static readonly Dictionary<string, Municipality> ByCode =
        All.ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);

    public static Municipality? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var m) ? m : null;

    /// <summary>The planning region's name (as a coordinator's <c>region</c> claim carries it), or null for an unknown code.</summary>
    public static string? RegionOf(string code) => Find(code)?.Region.ToString();

    /// <summary>Every code with its region's name: what a coordinator's list is narrowed by.</summary>
    public static readonly IReadOnlyList<(string Code, string Region)> Regions =
        [.. All.Select(m => (m.Code, m.Region.ToString()))];
}
