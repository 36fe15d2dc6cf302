using Referrals.Reference;

namespace Referrals.ProviderDirectory.Import.Vocabularies;

/// <summary>Register column 5 (Klienti pēc vecuma un dzimuma): cells are built from a few atoms.</summary>
public static partial class ClientProfiles
{
    public const string Children = "children";
    public const string Adults = "adults";
    public const string AllAges = "all-ages";
    public const string ChildrenWithCarers = "children-with-carers";
    public const string Families = "families";

    public static readonly IReadOnlyList<Term> AgeGroups =
    [
        new(Children, "Bērni", "Children"),
        new(Adults, "Pilngadīgas personas", "Adults"),
        new(AllAges, "Visu vecumu personas", "Persons of all ages"),
        new(ChildrenWithCarers, "Bērni kopā ar vecākiem, tuviniekiem, aizbildņiem", "Children with parents, relatives or guardians"),
        new(Families, "Ģimenes", "Families"),
    ];

    /// <summary>Every word that occurs in a clients cell; used to recognise the cell inside mixed lines.</summary>
    public static readonly IReadOnlySet<string> Words = new HashSet<string>(StringComparer.Ordinal)
    {
        "bērni", "meitenes", "un", "zēni", "kopā", "ar", "vecākiem", "tuviniekiem", "aizbildņiem", "pilngadīgas",
        "personas", "sievietes", "vīrieši", "visu", "dzimumu", "vecumu", "abu", "ģimenes", "kuri", "uzturas", "-",
    };

    public static readonly IReadOnlySet<string> Starters = new HashSet<string>(StringComparer.Ordinal)
    {
        "bērni", "pilngadīgas", "visu", "ģimenes",
    };

    /// <summary>Whether a clients cell is a whole sequence of atoms ("Bērni (meitenes un zēni), pilngadīgas personas (…)").</summary>
    public static bool IsWholeCell(string cell) =>
        WholeCell().IsMatch(Spaces().Replace(Text.Fold(cell).Replace(",", " ", StringComparison.Ordinal).Replace(";", " ", StringComparison.Ordinal), " ").Trim());

    public static IReadOnlyList<string> AgeGroupsOf(string cell)
    {
        var f = Text.Fold(cell);
        var groups = new List<string>();
        if (f.Contains("kopā ar", StringComparison.Ordinal))
        {
            groups.Add(ChildrenWithCarers);
        }

        var withoutCarers = f.Replace("bērni kopā ar", "", StringComparison.Ordinal);
        if (withoutCarers.Contains("bērni", StringComparison.Ordinal))
        {
            groups.Insert(0, Children);
        }

        if (f.Contains("pilngadīgas", StringComparison.Ordinal))
        {
            groups.Add(Adults);
        }

        if (f.Contains("vecumu", StringComparison.Ordinal))
        {
            groups.Add(AllAges);
        }

        if (f.StartsWith("ģimenes", StringComparison.Ordinal))
        {
            groups.Add(Families);
        }

        return groups;
    }

    /// <summary>"any" when the cell names both genders or all genders; every register row does, but say so only when written.</summary>
    public static string GenderOf(string cell)
    {
        var f = Text.Fold(cell);
        return f.Contains("sievietes", StringComparison.Ordinal) || f.Contains("zēni", StringComparison.Ordinal)
            || f.Contains("abu dzimumu", StringComparison.Ordinal) || f.Contains("visu dzimumu", StringComparison.Ordinal)
            ? "any"
            : "unspecified";
    }

    private const string Gender = @"\((?:sievietes un vīrieši|vīrieši un sievietes|meitenes un zēni|abu dzimumu)\)";
    private const string Atom =
        @"(?:bērni kopā ar (?:vecākiem )?tuviniekiem aizbildņiem|bērni kuri uzturas kopā ar vecākiem tuviniekiem aizbildņiem"
        + @"|bērni(?: " + Gender + @")?|pilngadīgas personas(?: " + Gender + @")?|visu dzimumu un vecumu personas"
        + @"|visu dzimumu pilngadīgas personas|visu dzimumu - līvānu novada iedzīvotāji|ģimenes)";

    [System.Text.RegularExpressions.GeneratedRegex("^" + Atom + "(?: " + Atom + ")*$")]
    private static partial System.Text.RegularExpressions.Regex WholeCell();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();
}
