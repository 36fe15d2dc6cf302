using System.Security.Claims;

namespace Referrals.ServiceDefaults.Security;

/// <summary>
/// Who is calling, as the token says: an id (never a name, so it may go into events, audit lines and logs), the role
/// and the tenant the role is bound to. Anonymous callers have no actor.
/// </summary>
public sealed record Actor(string Id, string Role, string? Municipality, string? ProviderId, string? Region)
{
    public bool IsSocialWorker => Role == Roles.SocialWorker;

    public bool IsProviderStaff => Role == Roles.ProviderStaff;

    public bool IsCoordinator => Role == Roles.Coordinator;

    public bool IsAdministrator => Role == Roles.Administrator;

    /// <summary>The actor of an authenticated principal with a known role; null otherwise.</summary>
    public static Actor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = user.FindFirstValue(ReferralsClaims.Subject);
        // The role claim is whatever the identity provider calls it (Identity:RoleClaim, set on each identity as its
        // RoleClaimType), so that the role policies and the tenant checks read the same claim.
        var roleClaims = user.Identities.Select(i => i.RoleClaimType).Append(ReferralsClaims.Role).ToHashSet(StringComparer.Ordinal);
        var role = user.Claims.Where(c => roleClaims.Contains(c.Type)).Select(c => c.Value).FirstOrDefault(Roles.All.Contains);
        return id is null || role is null
            ? null
            : new Actor(id, role, Value(user, ReferralsClaims.Municipality), Value(user, ReferralsClaims.Provider),
                Value(user, ReferralsClaims.Region));
    }

    private static string? Value(ClaimsPrincipal user, string claim) =>
        user.FindFirstValue(claim) is { Length: > 0 } value ? value : null;
}

public static class ActorExtensions
{
    /// <summary>The caller of an endpoint behind the fallback policy: always authenticated there.</summary>
    public static Actor Actor(this ClaimsPrincipal user) =>
        Security.Actor.From(user) ?? throw new InvalidOperationException("The endpoint was reached without an authenticated actor.");
}
