using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Referrals.Testing;

/// <summary>
/// Every endpoint a host maps, as "METHOD /route" ("*" when any method), and whether it admits anonymous callers: what
/// the authorization matrices compare their rows with, so that a new endpoint cannot go without a row.
/// </summary>
public static class MappedEndpoints
{
    public static IReadOnlyList<(string Key, bool Anonymous)> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (Key: $"{method} {e.RoutePattern.RawText}", Anonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .ToList();
}
