using System.Globalization;
using System.Text;
using Referrals.Reference;

namespace Referrals.Portal.Pages.Offers;

/// <summary>
/// Where the directory keeps a municipality's social service (imported from the register's annex 3): under
/// <c>sd-</c> and the slug of the municipality's Latvian name, e.g. <c>sd-daugavpils-valstspilseta</c>. The directory
/// has no lookup by municipality, so the portal derives the id the importer gave it; an unknown one is simply not shown.
/// </summary>
public static class SocialServiceOffices
{
    public static string? IdOf(string municipalityCode) =>
        Municipalities.Find(municipalityCode) is { } municipality ? "sd-" + Slug(municipality.NameLv) : null;

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var keep = lower is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (keep || (slug.Length > 0 && slug[^1] != '-'))
            {
                slug.Append(keep ? lower : '-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
