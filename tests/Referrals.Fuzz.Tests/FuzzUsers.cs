using System.Net.Http.Json;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;

namespace Referrals.Fuzz.Tests;

/// <summary>Who sends a fuzz request, as far as the platform can tell from its Authorization header.</summary>
public enum IdentityKind
{
    /// <summary>The role and tenant the operation is meant for: the request gets past authorization to the validation.</summary>
    Entitled,

    /// <summary>A valid token of a foreign tenant or a role the operation is not for.</summary>
    Hostile,

    /// <summary>No token, or one that is expired, forged, malformed or of another scheme.</summary>
    Unauthenticated,
}

/// <summary>An identity of a fuzz request: a label for the report, the Authorization header (null: none), the user.</summary>
public sealed record FuzzIdentity(string Label, IdentityKind Kind, string? Authorization, DemoUser? User)
{
    /// <summary>The municipality whose clients this identity may see in full (a social worker's), or null.</summary>
    public string? OwnMunicipality => User is { Role: Roles.SocialWorker } user ? user.Municipality : null;
}

/// <summary>The users of the fuzz run: the owners of the seeded data, and everyone who must not touch it.</summary>
public static class FuzzUsers
{
    /// <summary>A municipality with no seeded referral: its social worker is foreign to all of them.</summary>
    public const string ForeignMunicipality = "LV-RIX";

    /// <summary>A provider with no offer.</summary>
    public const string ElsewhereProvider = "fuzz-org-elsewhere";

    /// <summary>The planning region of the seeded municipalities (Daugavpils, Rēzekne, Rēzeknes novads) and one that is not.</summary>
    public const string OwnRegion = "Latgale";

    public const string ForeignRegion = "Kurzeme";

    private static readonly IdentityOptions Development = new() { Mode = IdentityMode.Development };

    public static DemoUser Administrator { get; } = TestTokens.Administrator("fuzz-admin");

    public static DemoUser SocialWorker(string municipality) => TestTokens.SocialWorker(municipality, "fuzz-sw-" + municipality.ToLowerInvariant());

    public static DemoUser ProviderStaff(string providerId) => TestTokens.ProviderStaff(providerId, "fuzz-ps-" + providerId);

    public static DemoUser Coordinator(string region) => TestTokens.Coordinator(region, "fuzz-co-" + region.ToLowerInvariant());

    public static FuzzIdentity Entitled(DemoUser user) => new($"{user.Role} {Tenant(user)}", IdentityKind.Entitled, "Bearer " + TestTokens.For(user), user);

    public static FuzzIdentity Hostile(DemoUser user) => new($"{user.Role} {Tenant(user)}", IdentityKind.Hostile, "Bearer " + TestTokens.For(user), user);

    /// <summary>Valid signatures, but a role the platform does not know, or a social worker of no municipality.</summary>
    public static IReadOnlyList<FuzzIdentity> Strangers { get; } =
    [
        new("unknown role", IdentityKind.Hostile, "Bearer " + DevelopmentTokens.Create(Development, DateTimeOffset.UtcNow,
            new Dictionary<string, object> { ["sub"] = "fuzz-root", ["role"] = "superuser", ["municipality"] = "LV-DGV" }), null),
        new("social-worker of no municipality", IdentityKind.Hostile, "Bearer " + DevelopmentTokens.Create(Development, DateTimeOffset.UtcNow,
            new Dictionary<string, object> { ["sub"] = "fuzz-sw-nowhere", ["role"] = Roles.SocialWorker }), null),
        new("provider-staff of no provider", IdentityKind.Hostile, "Bearer " + DevelopmentTokens.Create(Development, DateTimeOffset.UtcNow,
            new Dictionary<string, object> { ["sub"] = "fuzz-ps-nowhere", ["role"] = Roles.ProviderStaff }), null),
    ];

    /// <summary>Nothing a valid token: each must get 401 wherever a token is needed.</summary>
    public static IReadOnlyList<FuzzIdentity> Unauthenticated { get; } =
    [
        new("no token", IdentityKind.Unauthenticated, null, null),
        new("empty bearer", IdentityKind.Unauthenticated, "Bearer ", null),
        new("garbage bearer", IdentityKind.Unauthenticated, "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", null),
        new("basic scheme", IdentityKind.Unauthenticated, "Basic YWRtaW46YWRtaW4=", null),
        new("expired token", IdentityKind.Unauthenticated, "Bearer " + DevelopmentTokens.Create(Development, SocialWorker("LV-DGV"), DateTimeOffset.UtcNow.AddHours(-9)), null),
        new("token signed with another key", IdentityKind.Unauthenticated, "Bearer " + DevelopmentTokens.Create(
            new IdentityOptions { Mode = IdentityMode.Development, SigningKey = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("an-attacker-made-this-key-of-32-bytes!!")) },
            Administrator, DateTimeOffset.UtcNow), null),
        new("token for another audience", IdentityKind.Unauthenticated, "Bearer " + DevelopmentTokens.Create(
            new IdentityOptions { Mode = IdentityMode.Development, Audience = "another-system" }, Administrator, DateTimeOffset.UtcNow), null),
    ];

    private static string Tenant(DemoUser user) => user.Municipality ?? user.ProviderId ?? user.Region ?? "";

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string url, DemoUser user, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)).As(user);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    public static async Task<T> GetAsAsync<T>(this HttpClient http, string url, DemoUser user, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(HttpMethod.Get, url, user, null, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} as {user.Id}: {(int)response.StatusCode} {text}");
        }

        return System.Text.Json.JsonSerializer.Deserialize<T>(text)!;
    }
}
