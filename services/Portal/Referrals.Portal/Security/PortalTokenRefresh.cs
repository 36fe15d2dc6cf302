using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Security;

/// <summary>
/// On every request with the portal cookie (OpenIdConnect mode): when the access token ends within a minute and the
/// provider gave a refresh token, a new access token is fetched from the token endpoint (grant_type=refresh_token), checked
/// as at sign-in, and the cookie is re-issued with it. A refused refresh (session ended or revoked at the provider,
/// role taken away) signs the user out of the portal, and the page they asked for sends them to sign in again.
/// </summary>
public static class PortalTokenRefresh
{
    /// <summary>Refresh this long before the end, so that a page's several API calls do not straddle it.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var refreshToken = context.Properties.GetTokenValue(PortalOpenIdConnect.RefreshToken);
        var expiresAt = context.Properties.GetTokenValue(PortalOpenIdConnect.ExpiresAt);
        if (refreshToken is null || context.Principal is null
            || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            || expires > DateTimeOffset.UtcNow.Add(Margin))
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var oidc = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(PortalOpenIdConnect.Scheme);
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalTokenRefresh));
        var response = await RedeemAsync(oidc, refreshToken, logger, context.HttpContext.RequestAborted);
        var subject = context.Principal.FindFirst(ReferralsClaims.Subject)?.Value;
        var user = response?.AccessToken is { Length: > 0 } accessToken && subject is not null
            ? await PortalOpenIdConnect.ReadAccessTokenAsync(oidc, identity, accessToken, subject, context.Principal.Identity?.Name, context.HttpContext.RequestAborted)
            : null;
        if (user is null || Actor.From(user.Value.Principal) is null)
        {
            logger.SessionEnded();
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalAuthentication.Scheme);
            return;
        }

        context.ReplacePrincipal(user.Value.Principal);
        PortalOpenIdConnect.Keep(context.Properties, response!, user.Value.Expires, refreshToken, context.Properties.GetTokenValue(PortalOpenIdConnect.IdToken));
        context.ShouldRenew = true;
    }

    private static async Task<OpenIdConnectMessage?> RedeemAsync(OpenIdConnectOptions oidc, string refreshToken, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token",
                    ["refresh_token"] = refreshToken,
                    ["client_id"] = oidc.ClientId!,
                    ["client_secret"] = oidc.ClientSecret!,
                }),
            };
            using var response = await oidc.Backchannel.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.RefreshRefused((int)response.StatusCode);
                return null;
            }

            return new OpenIdConnectMessage(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            logger.RefreshFailed(exception.GetType().Name);
            return null;
        }
    }
}
