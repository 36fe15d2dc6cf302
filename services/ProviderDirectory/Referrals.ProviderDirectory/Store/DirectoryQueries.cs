using System.Globalization;
using System.Text;

namespace Referrals.ProviderDirectory.Store;

/// <summary>The filters of a service search (HSDS <c>/services</c> and <c>/service_at_locations</c>); every one given must hold.</summary>
public sealed record ServiceQuery(
    string? Search = null,
    string? ServiceType = null,
    string? ClientGroup = null,
    IReadOnlyCollection<string>? ProviderIds = null,
    DateTimeOffset? ModifiedAfter = null,
    string? Municipality = null);

/// <summary>
/// What a matching query may leave out in the store: other service types, inactive services, other planning regions,
/// and (when given) services whose ages, gender or client groups cannot fit. The matcher still checks everything.
/// </summary>
public sealed record MatchQuery(
    string ServiceType,
    string? DeclaredMunicipality,
    string? PlanningRegion,
    int? Age = null,
    string? Gender = null,
    string? ClientGroup = null);

/// <summary>One page of results and how many there are in all. <paramref name="Page"/> counts from 1.</summary>
public sealed record DirectoryPage<T>(IReadOnlyList<T> Items, long Total, int Page, int PerPage);

/// <summary>Search text: lower case without diacritics, so "rezekne" finds "Rēzekne".</summary>
public static class SearchText
{
    public static string Fold(params string?[] parts)
    {
        var joined = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(joined.Length);
        foreach (var c in joined)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A list as one column value that <c>instr(col, '|code|')</c> can search.</summary>
    public static string Delimited(IEnumerable<string> codes) => "|" + string.Join('|', codes) + "|";
}
