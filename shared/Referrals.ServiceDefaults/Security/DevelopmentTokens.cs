using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Referrals.ServiceDefaults.Security;

/// <summary>Signs and describes the tokens of the built-in development sign-in (and of the tests).</summary>
public static class DevelopmentTokens
{
    public const string Issuer = "referrals-development";

    // Published on purpose: development mode is for the embedded default and local runs, where everyone may sign in
    // as a demo user anyway. OpenIdConnect mode never accepts tokens signed with it.
    private const string PublishedKey = "cmVmZXJyYWxzLWRldmVsb3BtZW50LXNpZ25pbmcta2V5LW5vdC1hLXNlY3JldA==";

    public static bool IsUsableKey(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64).Length >= 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static SymmetricSecurityKey Key(IdentityOptions options) =>
        new(Convert.FromBase64String(string.IsNullOrWhiteSpace(options.SigningKey) ? PublishedKey : options.SigningKey));

    public static string Create(IdentityOptions options, DemoUser user, DateTimeOffset now) =>
        Create(options, now, Claims(user));

    public static string Create(IdentityOptions options, DateTimeOffset now, IReadOnlyDictionary<string, object> claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(options.TokenLifetime).UtcDateTime,
            Claims = claims.ToDictionary(),
            SigningCredentials = new SigningCredentials(Key(options), SecurityAlgorithms.HmacSha256),
        });

    public static IReadOnlyDictionary<string, object> Claims(DemoUser user)
    {
        var claims = new Dictionary<string, object>
        {
            [ReferralsClaims.Subject] = user.Id,
            [ReferralsClaims.Name] = user.Name,
            [ReferralsClaims.Role] = user.Role,
        };
        Add(claims, ReferralsClaims.Municipality, user.Municipality);
        Add(claims, ReferralsClaims.Provider, user.ProviderId);
        Add(claims, ReferralsClaims.Region, user.Region);
        return claims;
    }

    private static void Add(Dictionary<string, object> claims, string name, string? value)
    {
        if (value is not null)
        {
            claims[name] = value;
        }
    }
}

/// <summary>A user of the built-in sign-in: who they are and which tenant their role is bound to.</summary>
public sealed record DemoUser(string Id, string Name, string Role, string? Municipality, string? ProviderId, string? Region, string Description)
{
    public ClaimsPrincipal Principal() =>
        new(new ClaimsIdentity(DevelopmentTokens.Claims(this).Select(c => new Claim(c.Key, (string)c.Value)), "development",
            ReferralsClaims.Name, ReferralsClaims.Role));
}
