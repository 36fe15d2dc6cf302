using Microsoft.AspNetCore.Authentication;
using Referrals.Portal.Localisation;
using Referrals.Portal.Security;

namespace Referrals.Portal;

/// <summary>
/// For the portal's own requests (not the APIs hosted in the same process): the chosen language, and the portal
/// cookie's user on every page, anonymous ones included, so that antiforgery tokens and the header see the same user
/// everywhere. Runs after the host's authentication and authorization middleware.
/// </summary>
public sealed class PortalRequests(RequestDelegate next)
{
    private static readonly string[] ApiPrefixes = ["/api", "/auth", "/health", "/openapi"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (ApiPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        PortalCulture.Apply(context.Request);
        if (context.User.Identity?.AuthenticationType != PortalAuthentication.Scheme)
        {
            var result = await context.AuthenticateAsync(PortalAuthentication.Scheme);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }
        }

        await next(context);
    }
}
