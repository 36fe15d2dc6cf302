using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Security;

/// <summary>
/// The portal's own cookie scheme: the signed-in user's claims and the platform access token, in one encrypted,
/// HttpOnly, SameSite=Lax cookie. The pages' policies name this scheme, so the JWT bearer default of the APIs hosted in
/// the same process is left alone (and a portal cookie authenticates no API call).
/// </summary>
public static class PortalAuthentication
{
    public const string Scheme = "ReferralsPortal";
    public const string CookieName = ".Referrals.Portal";
    public const string AccessToken = "access_token";

    public const string SignedIn = "portal";
    public const string SocialWorker = "portal-social-worker";
    public const string ProviderStaff = "portal-provider-staff";
    public const string Reader = "portal-coordination";

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/sign-in";
            cookie.LogoutPath = "/sign-out";
            cookie.AccessDeniedPath = "/forbidden";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.SlidingExpiration = false;
            // Relative redirects: behind the gateway the request's host is the portal's internal one (portal:8080), so
            // the absolute URL the cookie handler builds would send the browser somewhere it cannot reach.
            cookie.Events.OnRedirectToLogin = RedirectWithinSite;
            cookie.Events.OnRedirectToAccessDenied = RedirectWithinSite;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(SocialWorker, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(Roles.SocialWorker))
            .AddPolicy(ProviderStaff, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(Roles.ProviderStaff))
            .AddPolicy(Reader, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Coordinator, Roles.Administrator, Roles.SocialWorker));
        return services;
    }

    private static Task RedirectWithinSite(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    /// <summary>Signs the user in with the claims the platform gave and its token; the cookie lives as long as the token.</summary>
    public static Task SignInAsync(HttpContext http, DemoUserView user, string accessToken, TimeSpan lifetime)
    {
        var principal = Principal(user.Id, user.Name, user.Role, user.Municipality, user.ProviderId, user.Region);
        var properties = new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = DateTimeOffset.UtcNow.Add(lifetime),
        };
        properties.StoreTokens([new AuthenticationToken { Name = AccessToken, Value = accessToken }]);
        return http.SignInAsync(Scheme, principal, properties);
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>The cookie's user, whichever sign-in made it: the claim names the APIs read (no role: no platform role).</summary>
    public static ClaimsPrincipal Principal(string subject, string name, string? role, string? municipality, string? provider, string? region)
    {
        var claims = new List<Claim>
        {
            new(ReferralsClaims.Subject, subject),
            new(ReferralsClaims.Name, name),
        };
        Add(claims, ReferralsClaims.Role, role);
        Add(claims, ReferralsClaims.Municipality, municipality);
        Add(claims, ReferralsClaims.Provider, provider);
        Add(claims, ReferralsClaims.Region, region);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ReferralsClaims.Name, ReferralsClaims.Role));
    }

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
