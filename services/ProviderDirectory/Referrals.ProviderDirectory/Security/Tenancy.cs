using Microsoft.AspNetCore.Authorization;
using Referrals.ServiceDefaults.Security;

namespace Referrals.ProviderDirectory.Security;

/// <summary>
/// The directory's own tenant rules: provider staff see their own provider's offers and services (whose referrals
/// social workers and coordinators may read is <see cref="ReferralTenancy"/>).
/// </summary>
public static class Tenancy
{
    public static bool IsOwnProvider(this Actor actor, string providerId) =>
        actor.IsProviderStaff && actor.ProviderId is not null && string.Equals(actor.ProviderId, providerId, StringComparison.Ordinal);

    /// <summary>A policy admitting any of <paramref name="roles"/> (the named policies admit one role each).</summary>
    public static Action<AuthorizationPolicyBuilder> AnyOf(params string[] roles) =>
        policy => policy.RequireAuthenticatedUser().RequireRole(roles);
}
