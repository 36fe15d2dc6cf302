using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Referrals.Portal.Tests.Fakes;

/// <summary>
/// A minimal OpenID Connect provider on 127.0.0.1, as strict as a real one where the portal's part is concerned:
/// discovery, an RSA-signed JWKS, <c>/authorize</c> that answers at once with a code (no login form: the user is
/// <see cref="NextUser"/>), <c>/token</c> that checks the client secret, the redirect URI and the PKCE verifier and
/// redeems a code once, and <c>/logout</c>. It remembers what it was asked and what it issued.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "referrals-portal";
    public const string ClientSecret = "test-client-secret-not-a-real-one";
    public const string Audience = "referrals";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, Grant> _refreshTokens = new();

    private FakeIdentityProvider(WebApplication app)
    {
        _app = app;
        Key = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
    }

    /// <summary>The issuer, also <c>Identity:Authority</c>: http://127.0.0.1:port (loopback, so plain HTTP is allowed).</summary>
    public string Issuer => _app.Urls.First().TrimEnd('/');

    public RsaSecurityKey Key { get; }

    /// <summary>The claims of whoever signs in next (besides iss, aud, exp…), in both tokens.</summary>
    public Dictionary<string, object> NextUser { get; set; } = [];

    /// <summary>How long the next access token lives (negative: already expired, within the clock skew).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The audience of the next access token (the platform's APIs want <see cref="Audience"/>).</summary>
    public string AccessTokenAudience { get; set; } = Audience;

    /// <summary>When set, token responses carry a refresh token (rotated at each use) and refresh_expires_in.</summary>
    public bool IssueRefreshTokens { get; set; }

    /// <summary>Every refresh token redeemed, in order.</summary>
    public ConcurrentQueue<string> RefreshTokensRedeemed { get; } = new();

    /// <summary>Ends every session: no refresh token issued so far is accepted any more.</summary>
    public void RevokeRefreshTokens() => _refreshTokens.Clear();

    /// <summary>When set, the id token carries a nonce other than the one the portal sent.</summary>
    public bool WrongNonce { get; set; }

    public ConcurrentQueue<Dictionary<string, string>> AuthorizeRequests { get; } = new();

    public ConcurrentQueue<string> AccessTokensIssued { get; } = new();

    public ConcurrentQueue<string> IdTokensIssued { get; } = new();

    /// <summary>Why /token refused, e.g. "pkce", "unknown code", "client".</summary>
    public ConcurrentQueue<string> TokenRefusals { get; } = new();

    public ConcurrentQueue<Dictionary<string, string>> LogoutRequests { get; } = new();

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeIdentityProvider(app);
        provider.Map(app);
        await app.StartAsync();
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["end_session_endpoint"] = Issuer + "/logout",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        }));
        app.MapGet("/jwks", () =>
        {
            var parameters = _rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = Key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", TokenAsync);
        app.MapGet("/logout", (HttpRequest request) =>
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            LogoutRequests.Enqueue(query);
            var back = query.GetValueOrDefault("post_logout_redirect_uri");
            return back is null
                ? Results.Text("Signed out.")
                : Results.Redirect(back + "?state=" + Uri.EscapeDataString(query.GetValueOrDefault("state") ?? ""));
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        AuthorizeRequests.Enqueue(query);
        if (query.GetValueOrDefault("client_id") != ClientId || query.GetValueOrDefault("response_type") != "code"
            || query.GetValueOrDefault("code_challenge_method") != "S256" || string.IsNullOrEmpty(query.GetValueOrDefault("code_challenge"))
            || string.IsNullOrEmpty(query.GetValueOrDefault("redirect_uri")) || string.IsNullOrEmpty(query.GetValueOrDefault("nonce")))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new Grant(query["redirect_uri"], query["nonce"], query["code_challenge"], new Dictionary<string, object>(NextUser));
        return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query.GetValueOrDefault("state") ?? "")}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Refuse("client", "invalid_client");
        }

        if (form["grant_type"] == "refresh_token")
        {
            if (!_refreshTokens.TryRemove(form["refresh_token"].ToString(), out var session))
            {
                return Refuse("refresh token", "invalid_grant");
            }

            RefreshTokensRedeemed.Enqueue(form["refresh_token"].ToString());
            return Issue(session with { User = new Dictionary<string, object>(NextUser) }, idToken: false);
        }

        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return Refuse("unknown code", "invalid_grant");
        }

        if (form["redirect_uri"] != grant.RedirectUri)
        {
            return Refuse("redirect_uri", "invalid_grant");
        }

        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.CodeChallenge)
        {
            return Refuse("pkce", "invalid_grant");
        }

        return Issue(grant, idToken: true);
    }

    private IResult Issue(Grant grant, bool idToken)
    {
        var now = DateTime.UtcNow;
        var accessExpires = now.Add(AccessTokenLifetime);
        var accessToken = Sign(new Dictionary<string, object>(grant.User) { ["azp"] = ClientId, ["scope"] = "openid profile" }, AccessTokenAudience, now, accessExpires);
        AccessTokensIssued.Enqueue(accessToken);
        var answer = new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = Math.Max(1, (int)AccessTokenLifetime.TotalSeconds),
        };
        if (idToken)
        {
            var idClaims = new Dictionary<string, object>(grant.User) { ["nonce"] = WrongNonce ? "not-the-nonce-that-was-sent" : grant.Nonce };
            var signed = Sign(idClaims, ClientId, now, now.AddMinutes(5));
            IdTokensIssued.Enqueue(signed);
            answer["id_token"] = signed;
        }

        if (IssueRefreshTokens)
        {
            var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
            _refreshTokens[refreshToken] = grant;
            answer["refresh_token"] = refreshToken;
            answer["refresh_expires_in"] = 1800;
        }

        return Results.Json(answer);
    }

    private IResult Refuse(string why, string error)
    {
        TokenRefusals.Enqueue(why);
        return Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>A token of this provider (iss, aud, iat, exp, RS256 with the published key).</summary>
    public string Sign(Dictionary<string, object> claims, string audience, DateTime issuedAt, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = issuedAt < expires ? issuedAt : expires.AddMinutes(-1),
            NotBefore = issuedAt < expires ? issuedAt : expires.AddMinutes(-1),
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private sealed record Grant(string RedirectUri, string Nonce, string CodeChallenge, Dictionary<string, object> User);
}
