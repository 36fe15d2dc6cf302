namespace Referrals.Reference;

/// <summary>A municipality (pašvaldība) after the 2021 administrative reform, coded by ISO 3166-2:LV.</summary>
public sealed record Municipality(string Code, string NameLv, string NameEn, PlanningRegion Region);

public enum PlanningRegion
{
    Riga,
    Vidzeme,
    Kurzeme,
    Zemgale,
    Latgale,
}
