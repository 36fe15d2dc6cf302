using System.Net;
using System.Net.Http.Headers;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Api;

/// <summary>
/// An identity provider that cannot emit <c>role</c> names its own claim (Identity:RoleClaim); the role policies and the
/// tenant checks must then both read that claim.
/// </summary>
public sealed class RoleClaimNameTests : IAsyncDisposable
{
    private const string RoleClaim = "referrals_role";

    private readonly IntakeApiFactory _api = new(new TempDirectory(), ownsDirectory: true, new Dictionary<string, string?>
    {
        ["Identity:RoleClaim"] = RoleClaim,
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_role_in_the_configured_claim_is_allowed_in_and_bound_to_its_municipality()
    {
        var client = _api.CreateClient();
        var worker = TestTokens.SocialWorker("LV-DGV");

        var own = await GetAsync(client, "/api/referrals", TokenWithRoleIn(RoleClaim, worker));
        var foreign = await GetAsync(client, "/api/referrals?municipality=LV-REZ", TokenWithRoleIn(RoleClaim, worker));
        var plainRole = await GetAsync(client, "/api/referrals", TokenWithRoleIn(ReferralsClaims.Role, worker));

        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal(HttpStatusCode.Forbidden, foreign);
        // The configured claim is the one that counts: a "role" claim alone no longer passes the role policy.
        Assert.Equal(HttpStatusCode.Forbidden, plainRole);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static string TokenWithRoleIn(string claim, DemoUser user)
    {
        var claims = DevelopmentTokens.Claims(user).ToDictionary();
        claims.Remove(ReferralsClaims.Role);
        claims[claim] = user.Role;
        return DevelopmentTokens.Create(new IdentityOptions { Mode = IdentityMode.Development }, DateTimeOffset.UtcNow, claims);
    }
}
