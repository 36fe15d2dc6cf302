using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Security;

/// <summary>
/// Sign-in with the municipality's identity provider (<c>Identity:Mode=OpenIdConnect</c>): the authorization code
/// flow with PKCE, the portal a confidential client. The result lands in the portal's own cookie
/// (<see cref="PortalAuthentication.Scheme"/>) exactly as the development sign-in puts it there: the claims the APIs
/// read, taken from the access token the APIs will be shown, and that token. With a refresh token the access token is
/// renewed shortly before it ends (<see cref="PortalTokenRefresh"/>); without one the cookie ends with the access
/// token and the user signs in again (a live session at the identity provider makes that one click).
/// </summary>
public static class PortalOpenIdConnect
{
    public const string Scheme = "ReferralsPortalOidc";
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";
    public const string IdToken = "id_token";
    public const string RefreshToken = "refresh_token";
    public const string ExpiresAt = "expires_at";

    /// <summary>How long a cookie with a refresh token lives when the provider does not say (refresh_expires_in).</summary>
    public static readonly TimeSpan SessionWithoutKnownEnd = TimeSpan.FromHours(8);

    /// <summary>Where a failed sign-in lands: the sign-in page, saying so.</summary>
    public const string FailedPath = "/sign-in?failed=true";

    public static IHostApplicationBuilder AddPortalOpenIdConnect(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOpenIdConnectOptions>()
            .Bind(builder.Configuration.GetSection(PortalOpenIdConnectOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PortalOpenIdConnectOptions>, StartUpCheck>();
        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, _ => { });
        builder.Services.AddOptions<CookieAuthenticationOptions>(PortalAuthentication.Scheme)
            .Configure(cookie => cookie.Events.OnValidatePrincipal = PortalTokenRefresh.ValidatePrincipalAsync);
        builder.Services.AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure<IOptions<IdentityOptions>, IOptions<PortalOpenIdConnectOptions>, IHostEnvironment>(
                (oidc, identity, portal, environment) => Configure(oidc, identity.Value, portal.Value, environment));
        return builder;
    }

    /// <summary>HTTPS metadata is required unless the identity provider is on this machine or this is a development run.</summary>
    internal static bool RequireHttpsMetadata(IdentityOptions identity, IHostEnvironment environment) =>
        identity.RequireHttpsMetadata
        && !environment.IsDevelopment()
        && !(Uri.TryCreate(identity.Authority, UriKind.Absolute, out var authority) && authority.IsLoopback);

    private static void Configure(OpenIdConnectOptions oidc, IdentityOptions identity, PortalOpenIdConnectOptions portal, IHostEnvironment environment)
    {
        oidc.SignInScheme = PortalAuthentication.Scheme;
        oidc.SignOutScheme = PortalAuthentication.Scheme;
        oidc.Authority = identity.Authority;
        oidc.RequireHttpsMetadata = RequireHttpsMetadata(identity, environment);
        oidc.ClientId = portal.ClientId;
        oidc.ClientSecret = portal.ClientSecret;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        // The code comes back on a top-level GET, so the correlation and nonce cookies can stay SameSite=Lax like the
        // portal's own (form_post would need SameSite=None, i.e. HTTPS-only cookies even on a developer's machine).
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.CallbackPath = CallbackPath;
        oidc.SignedOutCallbackPath = SignedOutCallbackPath;
        oidc.SignedOutRedirectUri = "/sign-in";
        oidc.Scope.Clear();
        foreach (var scope in portal.Scopes)
        {
            oidc.Scope.Add(scope);
        }

        // The token's own claim names (sub, name, role…), as the APIs read them.
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        // The tokens are stored by hand (Keep): the access token, its end, the id token (sign-out hint), the refresh token.
        oidc.SaveTokens = false;
        oidc.TokenValidationParameters.NameClaimType = ReferralsClaims.Name;
        oidc.TokenValidationParameters.RoleClaimType = ReferralsClaims.Role;
        oidc.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = context => UsePublicOrigin(context, portal, CallbackPath),
            OnRedirectToIdentityProviderForSignOut = RedirectForSignOut(portal),
            OnTokenValidated = context => OnTokenValidatedAsync(context, identity),
            OnTicketReceived = OnTicketReceived,
            OnRemoteFailure = OnRemoteFailure,
        };
    }

    private static Task UsePublicOrigin(RedirectContext context, PortalOpenIdConnectOptions portal, string path)
    {
        if (!string.IsNullOrWhiteSpace(portal.PublicOrigin))
        {
            context.ProtocolMessage.RedirectUri = new Uri(new Uri(portal.PublicOrigin), path).ToString();
        }

        return Task.CompletedTask;
    }

    private static Func<RedirectContext, Task> RedirectForSignOut(PortalOpenIdConnectOptions portal) => context =>
    {
        if (string.IsNullOrEmpty(context.ProtocolMessage.IssuerAddress))
        {
            // The provider announces no end_session_endpoint: the portal's cookie is gone, which is all that can be done.
            context.Response.Redirect("/sign-in");
            context.HandleResponse();
            return Task.CompletedTask;
        }

        if (!string.IsNullOrWhiteSpace(portal.PublicOrigin))
        {
            context.ProtocolMessage.PostLogoutRedirectUri = new Uri(new Uri(portal.PublicOrigin), SignedOutCallbackPath).ToString();
        }

        return Task.CompletedTask;
    };

    /// <summary>
    /// The id token is valid (signature, issuer, audience, nonce follow); now the access token, which is what the APIs
    /// will judge: it must be signed by the same provider and name <c>Identity:Audience</c>, or every API call would
    /// be refused. Its claims, read through <c>Identity:RoleClaim</c> as the APIs read them, become the cookie's.
    /// </summary>
    private static async Task OnTokenValidatedAsync(TokenValidatedContext context, IdentityOptions identity)
    {
        var response = context.TokenEndpointResponse;
        var subject = context.Principal?.FindFirst(ReferralsClaims.Subject)?.Value;
        if (response is null || string.IsNullOrEmpty(response.AccessToken) || string.IsNullOrEmpty(subject))
        {
            context.Fail("The identity provider returned no access token or no subject.");
            return;
        }

        var name = context.Principal!.FindFirst(ReferralsClaims.Name)?.Value ?? context.Principal.FindFirst("preferred_username")?.Value;
        var user = await ReadAccessTokenAsync(context.Options, identity, response.AccessToken, subject, name, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.Fail("The access token is not one the platform's APIs accept (issuer, audience, signature, lifetime or subject).");
            return;
        }

        context.Principal = user.Value.Principal;
        Keep(context.Properties!, response, user.Value.Expires, null, null);
    }

    /// <summary>
    /// The cookie's user from an access token of the provider (at sign-in and at every refresh); null when the token is
    /// not one the APIs would accept or names someone else. A user without a platform role has no role claim.
    /// </summary>
    internal static async Task<(ClaimsPrincipal Principal, DateTimeOffset Expires)?> ReadAccessTokenAsync(
        OpenIdConnectOptions oidc, IdentityOptions identity, string accessToken, string subject, string? name, CancellationToken cancellationToken)
    {
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = identity.Audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!validated.IsValid || validated.SecurityToken is not JsonWebToken token || token.Subject != subject)
        {
            return null;
        }

        var claims = validated.ClaimsIdentity;
        var role = claims.FindAll(identity.RoleClaim).Select(c => c.Value).FirstOrDefault(Roles.All.Contains);
        name ??= Value(claims, ReferralsClaims.Name) ?? Value(claims, "preferred_username") ?? subject;
        var principal = PortalAuthentication.Principal(
            subject, name, role, Value(claims, ReferralsClaims.Municipality), Value(claims, ReferralsClaims.Provider), Value(claims, ReferralsClaims.Region));
        var expires = token.ValidTo == DateTime.MinValue ? DateTimeOffset.UtcNow.AddMinutes(5) : new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        return (principal, expires);
    }

    /// <summary>
    /// What the cookie keeps of a token response: the access token and when it ends, the id token (the sign-out hint)
    /// and the refresh token if the provider gave one. Without a refresh token the cookie ends with the access token;
    /// with one it lives as long as the provider says the refresh token does, and is renewed at each refresh.
    /// </summary>
    internal static void Keep(AuthenticationProperties properties, OpenIdConnectMessage response, DateTimeOffset accessTokenExpires, string? refreshToken, string? idToken)
    {
        refreshToken = response.RefreshToken is { Length: > 0 } issued ? issued : refreshToken;
        idToken = response.IdToken is { Length: > 0 } newIdToken ? newIdToken : idToken;
        var now = DateTimeOffset.UtcNow;
        properties.IsPersistent = false;
        properties.IssuedUtc = now;
        var tokens = new List<AuthenticationToken>
        {
            new() { Name = PortalAuthentication.AccessToken, Value = response.AccessToken },
            new() { Name = ExpiresAt, Value = accessTokenExpires.ToString("o", CultureInfo.InvariantCulture) },
        };
        if (idToken is not null)
        {
            tokens.Add(new AuthenticationToken { Name = IdToken, Value = idToken });
        }

        if (refreshToken is null)
        {
            properties.ExpiresUtc = accessTokenExpires;
            properties.AllowRefresh = false;
        }
        else
        {
            tokens.Add(new AuthenticationToken { Name = RefreshToken, Value = refreshToken });
            properties.ExpiresUtc = now.Add(int.TryParse(response.GetParameter("refresh_expires_in"), CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : SessionWithoutKnownEnd);
            properties.AllowRefresh = true;
        }

        properties.StoreTokens(tokens);
    }

    /// <summary>
    /// After every check of the protocol (the nonce included): someone the identity provider knows but who has no
    /// platform role gets the portal's forbidden page and no cookie; the APIs would refuse them everywhere anyway.
    /// </summary>
    private static Task OnTicketReceived(TicketReceivedContext context)
    {
        if (Actor.From(context.Principal) is null)
        {
            context.Response.Redirect("/forbidden");
            context.HandleResponse();
        }

        return Task.CompletedTask;
    }

    /// <summary>A refused answer (forged state, wrong nonce, a code the provider will not redeem…) is not a crash.</summary>
    private static Task OnRemoteFailure(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalOpenIdConnect))
            .SignInFailed(context.Failure?.GetType().Name, context.Failure?.Message);
        context.Response.Redirect(FailedPath);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static string? Value(ClaimsIdentity claims, string type) => claims.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;

    private sealed class StartUpCheck(IOptions<IdentityOptions> identity, IHostEnvironment environment) : IValidateOptions<PortalOpenIdConnectOptions>
    {
        public ValidateOptionsResult Validate(string? name, PortalOpenIdConnectOptions options)
        {
            var problems = options.Problems().ToList();
            if (RequireHttpsMetadata(identity.Value, environment)
                && Uri.TryCreate(identity.Value.Authority, UriKind.Absolute, out var authority) && authority.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add("Identity:Authority must be an https URL (plain http only for a provider on this machine, in Development, or with Identity:RequireHttpsMetadata=false).");
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
