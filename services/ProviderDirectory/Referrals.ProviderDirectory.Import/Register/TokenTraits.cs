using System.Text.RegularExpressions;
using Referrals.ProviderDirectory.Import.Vocabularies;

namespace Referrals.ProviderDirectory.Import.Register;

/// <summary>Per-token facts the segmenter scores with.</summary>
internal static partial class TokenTraits
{
    public static bool IsContact(string t)
    {
        if (t.Contains('@', StringComparison.Ordinal) || t.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (t.Count(char.IsAsciiDigit) >= 5)
        {
            return true;
        }

        return Label().IsMatch(t);
    }

    public static bool IsDomainTail(string t) => DomainTail().IsMatch(t);

    public static bool IsKindWord(string t) => Fold(t).StartsWith("izmitināš", StringComparison.Ordinal);

    /// <summary>Lower case without surrounding punctuation, for vocabulary comparison.</summary>
    public static string Fold(string t) => Text.Fold(t).Trim(',', ';', '.', ':');

    public static bool IsClientWord(string t)
    {
        var w = Text.Fold(t).Trim(',', ';', '.', '(', ')');
        return w.Length == 0 || ClientProfiles.Words.Contains(w) || ClientCellExtras.Contains(w);
    }

    public static bool IsClientStarter(string t) => ClientProfiles.Starters.Contains(Text.Fold(t).Trim(',', ';', '.', '(', ')'));

    // One clients cell carries client-group wording ("Visu dzimumu – Līvānu novada iedzīvotāji").
    private static readonly HashSet<string> ClientCellExtras = new(StringComparer.Ordinal) { "līvānu", "novada", "iedzīvotāji" };

    [GeneratedRegex(@"^(\.?[a-z]{1,3}|[a-z0-9-]+\.[a-z]{2,3})$")]
    private static partial Regex DomainTail();

    [GeneratedRegex(@"^(Tālr|tālr|Tālrunis|[Ff]akss|Fax|e-$|e-pasts|e–pasts|pasts:|lapa:|mob\.|Vai$)")]
    private static partial Regex Label();
}
