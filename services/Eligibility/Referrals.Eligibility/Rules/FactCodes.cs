using System.Text.RegularExpressions;

namespace Referrals.Eligibility.Rules;

/// <summary>
/// The closed vocabularies of the optional facts, with the words a social worker reads. Sources: who refers
/// (children-services-004 §6.2), consent (§7), care levels I–IV (di-plan-001, 001 L40–44), trūcīga / maznodrošināta (README §2).
/// </summary>
public static partial class FactCodes
{
    public static readonly IReadOnlyDictionary<string, (string Lv, string En)> Referrers = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["social-service"] = ("sociālais dienests", "social service"),
        ["orphans-court"] = ("bāriņtiesa", "orphans' court (bāriņtiesa)"),
        ["doctor"] = ("ārsts", "doctor"),
        ["probation-or-court"] = ("Valsts probācijas dienests vai tiesa", "probation service or court"),
        ["self"] = ("pati persona vai ģimene", "the person or family"),
    };

    public static readonly IReadOnlyDictionary<string, (string Lv, string En)> Consenters = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["person"] = ("pašas personas piekrišana", "the person's own consent"),
        ["legal-representative"] = ("vecāka vai likumiskā pārstāvja piekrišana", "consent of a parent or legal representative"),
    };

    public static readonly IReadOnlyDictionary<string, (string Lv, string En)> CareLevels = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["I"] = ("I aprūpes līmenis", "care level I"),
        ["II"] = ("II aprūpes līmenis", "care level II"),
        ["III"] = ("III aprūpes līmenis", "care level III"),
        ["IV"] = ("IV aprūpes līmenis", "care level IV"),
    };

    public static readonly IReadOnlyDictionary<string, (string Lv, string En)> IncomeStatuses = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["needy"] = ("trūcīga", "needy (trūcīga)"),
        ["low-income"] = ("maznodrošināta", "low-income (maznodrošināta)"),
        ["none"] = ("bez trūcīgas vai maznodrošinātas statusa", "no means-tested status"),
    };

    public static readonly IReadOnlyDictionary<string, (string Lv, string En)> Genders = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["female"] = ("sieviete", "female"),
        ["male"] = ("vīrietis", "male"),
    };

    /// <summary>An ICD-10 code or prefix: a letter, two digits, optionally a dot and up to two more digits (F43, F43.1, F06.32).</summary>
    public static bool IsIcd10(string? code) => code is not null && Icd10().IsMatch(code);

    /// <summary>A seed-004 catalogue code: S, M, N, E, H, J or W and a number.</summary>
    public static bool IsProgramme(string? code) => code is not null && Programme().IsMatch(code);

    public static (string Lv, string En) Words(IReadOnlyDictionary<string, (string Lv, string En)> vocabulary, IEnumerable<string> codes)
    {
        var names = codes.Select(c => vocabulary.TryGetValue(c, out var n) ? n : (c, c)).ToList();
        return (string.Join(", ", names.Select(n => n.Item1)), string.Join(", ", names.Select(n => n.Item2)));
    }

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Icd10();

    [GeneratedRegex(@"^[SMNEHJW][0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Programme();
}
