using System.ComponentModel.DataAnnotations;

namespace Referrals.Portal.Security;

/// <summary>
/// Section <c>Portal:OpenIdConnect</c>: the portal as a confidential client of the municipality's identity provider
/// (<c>Identity:Mode=OpenIdConnect</c>; the provider itself is <c>Identity:Authority</c>). Ignored in Development mode.
/// </summary>
public sealed class PortalOpenIdConnectOptions
{
    public const string Section = PortalOptions.Section + ":OpenIdConnect";

    /// <summary>The portal's client id at the identity provider, e.g. <c>referrals-portal</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret; from a secret store (environment <c>Portal__OpenIdConnect__ClientSecret</c>), never a file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for; <c>openid</c> is required, the rest name what the access token must carry.</summary>
    public string[] Scopes { get; set; } = ["openid", "profile"];

    /// <summary>What the sign-in button names, e.g. "Latvija.lv" or "Keycloak"; empty: "your organisation's account".</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// The portal's address as browsers see it (e.g. <c>https://referrals.example.lv</c>) when it runs behind the
    /// gateway, which does not pass the public host on: the redirect URIs registered at the identity provider are
    /// this plus <c>/signin-oidc</c> and <c>/signout-callback-oidc</c>. Empty: the request's own address.
    /// </summary>
    public string? PublicOrigin { get; set; }

    /// <summary>Start-up check, in OpenIdConnect mode only (Development mode needs none of this).</summary>
    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{Section}:ClientId is required in OpenIdConnect mode (the portal's client id at the identity provider).";
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return $"{Section}:ClientSecret is required in OpenIdConnect mode (the portal is a confidential client).";
        }

        if (!Scopes.Contains("openid", StringComparer.Ordinal))
        {
            yield return $"{Section}:Scopes must include openid.";
        }

        if (!string.IsNullOrWhiteSpace(PublicOrigin)
            && (!Uri.TryCreate(PublicOrigin, UriKind.Absolute, out var origin) || (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp) || origin.AbsolutePath != "/"))
        {
            yield return $"{Section}:PublicOrigin must be an absolute http(s) URL without a path, e.g. https://referrals.example.lv.";
        }
    }
}
