namespace Referrals.ServiceDefaults.Security;

/// <summary>
/// Whose referrals an actor may see or change, as the claims say: a social worker's tenant is a municipality, a
/// coordinator's a planning region (read-only); provider staff and administrators read referrals through other rules.
/// Which region a municipality lies in is reference data, so the caller passes it in.
/// </summary>
public static class ReferralTenancy
{
    /// <summary>A social worker of <paramref name="municipality"/> or the coordinator of its region.</summary>
    public static bool CanReadReferralOf(this Actor actor, string? municipality, Func<string, string?> regionOf) =>
        actor.CanChangeReferralOf(municipality)
        || (actor.IsCoordinator && actor.Region is { } region && municipality is { Length: > 0 }
            && string.Equals(regionOf(municipality), region, StringComparison.OrdinalIgnoreCase));

    /// <summary>Only a social worker of <paramref name="municipality"/>; coordinators never change anything.</summary>
    public static bool CanChangeReferralOf(this Actor actor, string? municipality) =>
        actor.IsSocialWorker && municipality is { Length: > 0 }
        && string.Equals(actor.Municipality, municipality, StringComparison.OrdinalIgnoreCase);

    /// <summary>The municipality codes a list is narrowed to; empty for a role that reads no referral this way.</summary>
    public static IReadOnlyCollection<string> ReadableMunicipalities(
        this Actor actor, IEnumerable<(string Code, string Region)> municipalities) =>
        [.. municipalities.Where(m => actor.CanReadReferralOf(m.Code, _ => m.Region)).Select(m => m.Code)];
}
