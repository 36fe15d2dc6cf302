using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.ProviderDirectory.Hsds;
using Referrals.ProviderDirectory.Security;
using Referrals.ProviderDirectory.Store;
using Referrals.ServiceDefaults.Security;

namespace Referrals.ProviderDirectory.ProviderServices;

/// <summary>One of the caller's own services with its free places: what provider staff keep up to date.</summary>
public sealed record OwnServiceView(
    string ServiceId,
    string? ServiceName,
    string ServiceType,
    IReadOnlyList<string> ClientGroups,
    int? MinAge,
    int? MaxAge,
    int Maximum,
    int Available,
    string Updated)
{
    public static OwnServiceView Of(ServiceDocument service) => new(
        service.Id, service.Name, service.ServiceType, service.ClientGroups, service.MinAge, service.MaxAge, service.Maximum,
        service.Available, HsdsMapper.Capacity(service).Updated);
}

/// <summary>
/// GET /api/providers/own-services: the active services of the caller's own provider, so its staff can state free
/// places for every service, also one that never had an offer. The provider comes from the token alone: there is no
/// way to ask for another provider's list.
/// </summary>
public static class OwnServices
{
    public static RouteGroupBuilder MapOwnServices(this RouteGroupBuilder group)
    {
        group.MapGet("/own-services", ListAsync).RequireAuthorization(Tenancy.AnyOf(Roles.ProviderStaff));
        return group;
    }

    public static async Task<Ok<List<OwnServiceView>>> ListAsync(HttpContext http, IDirectoryStore store, CancellationToken cancellationToken)
    {
        var actor = http.User.Actor();
        if (actor.ProviderId is not { Length: > 0 } provider)
        {
            return TypedResults.Ok(new List<OwnServiceView>());
        }

        var services = await store.ServicesOfProviderAsync(provider, cancellationToken);
        return TypedResults.Ok(services
            .Where(s => s.Active && actor.IsOwnProvider(s.ProviderId))
            .OrderBy(s => s.ServiceType, StringComparer.Ordinal)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(OwnServiceView.Of)
            .ToList());
    }
}
