using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Referrals.ProviderDirectory.Import;

internal static partial class Text
{
    /// <summary>Collapses whitespace, joins line-end hyphens ("2-" + "14," → "2-14,") and trims.</summary>
    public static string Join(IEnumerable<string> tokens)
    {
        var sb = new StringBuilder();
        var glue = false;
        foreach (var t in tokens)
        {
            if (t.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0 && !glue)
            {
                sb.Append(' ');
            }

            sb.Append(t);
            // A hyphen glued to a word at line end is a real hyphen (e-pasts, LV-4594, 2-14), not a spaced dash.
            glue = t.Length > 1 && t[^1] == '-';
        }

        return sb.ToString().Trim();
    }

    public static string Normalize(string s) =>
        Spaces().Replace(s.Replace('–', '-').Replace('“', '"').Replace('”', '"').Replace('„', '"'), " ").Trim();

    public static string CollapseSpaces(string s) => Spaces().Replace(s, " ").Trim();

    public static string Fold(string s) => Normalize(s).ToLower(CultureInfo.GetCultureInfo("lv-LV"));

    /// <summary>Lower-case ASCII slug (diacritics removed) for stable keys.</summary>
    public static string Slug(string s, int max = 48)
    {
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lc = char.ToLowerInvariant(c);
            sb.Append(lc is >= 'a' and <= 'z' or >= '0' and <= '9' ? lc : '-');
        }

        var slug = Dashes().Replace(sb.ToString(), "-").Trim('-');
        return slug.Length <= max ? slug : slug[..max].TrimEnd('-');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("-+")]
    private static partial Regex Dashes();
}
