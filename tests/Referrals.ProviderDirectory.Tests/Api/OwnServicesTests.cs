using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referrals.Testing;
using Xunit;
using static Referrals.ProviderDirectory.Tests.Api.DirectoryApp;

namespace Referrals.ProviderDirectory.Tests.Api;

/// <summary>GET /api/providers/own-services: the portal's free-places page lists every service of the caller's provider.</summary>
public sealed class OwnServicesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Provider_staff_get_all_their_own_active_services_with_free_places_and_nothing_of_another_provider()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var dgvStaff = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv", "ps-dgv-1"));
        using var rezStaff = app.CreateClient().As(TestTokens.ProviderStaff("org-rez", "ps-rez-1"));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV",
            Service("svc-dgv-dac", available: 3, maximum: 25), Service("svc-dgv-home", available: 0, maximum: 40, type: "home-care"));
        await app.PostOrganisationAsync(admin, "org-rez", "LV-REZ", Service("svc-rez", available: 1));

        var own = await dgvStaff.GetFromJsonAsync<List<JsonElement>>("/api/providers/own-services", Json, Ct) ?? [];
        var other = await rezStaff.GetFromJsonAsync<List<JsonElement>>("/api/providers/own-services", Json, Ct) ?? [];

        Assert.Equal(["svc-dgv-dac", "svc-dgv-home"], own.Select(s => s.GetProperty("serviceId").GetString()));
        var home = own.Single(s => s.GetProperty("serviceId").GetString() == "svc-dgv-home");
        Assert.Equal("home-care", home.GetProperty("serviceType").GetString());
        Assert.Equal(40, home.GetProperty("maximum").GetInt32());
        Assert.Equal(0, home.GetProperty("available").GetInt32());
        Assert.Equal(["svc-rez"], other.Select(s => s.GetProperty("serviceId").GetString()));
    }

    [Fact]
    public async Task A_service_dropped_from_the_organisation_is_not_listed_and_a_new_capacity_is_seen()
    {
        await using var app = new DirectoryApp();
        using var admin = app.CreateClient().As(TestTokens.Administrator());
        using var staff = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv", "ps-dgv-1"));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-a", available: 1), Service("svc-b", available: 1));
        await app.PostOrganisationAsync(admin, "org-dgv", "LV-DGV", Service("svc-b", available: 1));
        var put = await staff.PutAsJsonAsync("/api/providers/services/svc-b/capacity", new { available = 4 }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var own = await staff.GetFromJsonAsync<List<JsonElement>>("/api/providers/own-services", Json, Ct) ?? [];

        var service = Assert.Single(own);
        Assert.Equal("svc-b", service.GetProperty("serviceId").GetString());
        Assert.Equal(4, service.GetProperty("available").GetInt32());
    }
}
