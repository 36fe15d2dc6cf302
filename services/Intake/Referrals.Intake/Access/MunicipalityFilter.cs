using Referrals.Intake.Http;
using Referrals.Reference;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Access;

/// <summary>
/// The optional <c>municipality</c> filter of the endpoints that read many referrals (the list, the report): a known
/// code, narrowed to what the caller may read — a social worker's municipality, a coordinator's region.
/// </summary>
public static class MunicipalityFilter
{
    /// <summary>The code the filter names, null when it names none; an unknown code is an error on <c>municipality</c>.</summary>
    public static string? Parse(string? municipality, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(municipality))
        {
            return null;
        }

        var code = Municipalities.Find(municipality.Trim())?.Code;
        if (code is null)
        {
            errors.Add("municipality", "Unknown municipality code (ISO 3166-2:LV, e.g. LV-DGV).");
        }

        return code;
    }

    /// <summary>The municipalities to read: the named one, or all the caller may read; null when that is none of them (403).</summary>
    public static IReadOnlyCollection<string>? Scope(Actor actor, string? code)
    {
        var allowed = actor.ReadableMunicipalities(Municipalities.Regions);
        if (allowed.Count == 0 || (code is not null && !allowed.Contains(code)))
        {
            return null;
        }

        return code is null ? allowed : [code];
    }
}
