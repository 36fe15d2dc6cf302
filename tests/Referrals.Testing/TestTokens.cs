using System.Net.Http.Headers;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Testing;

/// <summary>
/// Bearer tokens as the built-in development sign-in issues them (the published development key), for any role and
/// tenant, so tests can act as the demo users or as someone of a foreign tenant.
/// </summary>
public static class TestTokens
{
    private static readonly IdentityOptions Development = new() { Mode = IdentityMode.Development };

    public static string For(DemoUser user) => DevelopmentTokens.Create(Development, user, DateTimeOffset.UtcNow);

    public static DemoUser SocialWorker(string municipality, string id = "test-sw") =>
        new(id, "Test Social Worker", Roles.SocialWorker, municipality, null, null, "test");

    public static DemoUser ProviderStaff(string providerId, string id = "test-ps") =>
        new(id, "Test Provider Staff", Roles.ProviderStaff, null, providerId, null, "test");

    public static DemoUser Coordinator(string region, string id = "test-co") =>
        new(id, "Test Coordinator", Roles.Coordinator, null, null, region, "test");

    public static DemoUser Administrator(string id = "test-admin") =>
        new(id, "Test Administrator", Roles.Administrator, null, null, null, "test");

    /// <summary>Sends every request of this client as <paramref name="user"/>.</summary>
    public static HttpClient As(this HttpClient client, DemoUser user)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", For(user));
        return client;
    }

    /// <summary>One request as <paramref name="user"/>, whatever the client's default.</summary>
    public static HttpRequestMessage As(this HttpRequestMessage request, DemoUser user)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", For(user));
        return request;
    }
}
