using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referrals.ProviderDirectory.Hsds;
using Xunit;
using static Referrals.ProviderDirectory.Tests.Api.DirectoryApp;

namespace Referrals.ProviderDirectory.Tests.Hsds;

/// <summary>The HSDS 3.0 read API over the seeded directory (register + social services + demo overlay).</summary>
[Collection(SeededDirectory.Name)]
public sealed class HsdsApiTests(SeededDirectory directory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => directory.Client;

    [Fact]
    public async Task The_root_declares_version_profile_and_openapi()
    {
        var root = await GetJsonAsync(Client, "/api/providers/");

        Assert.Equal("3.0", root.GetProperty("version").GetString());
        Assert.StartsWith("urn:", root.GetProperty("profile").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/openapi/v1.json", root.GetProperty("openapi_url").GetString(), StringComparison.Ordinal);
        Assert.Equal("3.0", (await GetJsonAsync(Client, "/api/providers")).GetProperty("version").GetString());
    }

    [Fact]
    public async Task Services_are_paged_and_filtered_cumulatively()
    {
        var first = await GetJsonAsync(Client, "/api/providers/services?per_page=10");
        var total = first.GetProperty("total_items").GetInt32();
        Assert.True(total > 100, $"{total} services");
        Assert.Equal((10, 1, true, false, false), (first.GetProperty("size").GetInt32(), first.GetProperty("page_number").GetInt32(),
            first.GetProperty("first_page").GetBoolean(), first.GetProperty("last_page").GetBoolean(), first.GetProperty("empty").GetBoolean()));
        Assert.Equal((total + 9) / 10, first.GetProperty("total_pages").GetInt32());
        var last = await GetJsonAsync(Client, $"/api/providers/services?per_page=10&page={first.GetProperty("total_pages").GetInt32()}");
        Assert.True(last.GetProperty("last_page").GetBoolean());
        var firstIds = first.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.All(firstIds, id => Assert.True(Guid.TryParse(id, out _)));

        var homeCare = DirectoryTaxonomies.TermIdOf(DirectoryTaxonomies.ServiceType, "home-care");
        var byType = await GetJsonAsync(Client, $"/api/providers/services?taxonomy_term_id={homeCare}&per_page=500");
        Assert.True(byType.GetProperty("total_items").GetInt32() >= 12);
        Assert.All(byType.GetProperty("contents").EnumerateArray(), s => Assert.StartsWith("Aprūpe mājās", s.GetProperty("name").GetString(), StringComparison.Ordinal));

        var seniori = HsdsIds.Organisation("org-dgv-seniori");
        var both = await GetJsonAsync(Client, $"/api/providers/services?taxonomy_term_id={homeCare}&organization_id={seniori}");
        var only = Assert.Single(both.GetProperty("contents").EnumerateArray());
        Assert.Equal(HsdsIds.Service("svc-dgv-seniori-home"), only.GetProperty("id").GetString());
        Assert.Equal(seniori, only.GetProperty("organization").GetProperty("id").GetString());

        var search = await GetJsonAsync(Client, "/api/providers/services?search=auseklitis");
        Assert.Contains("Auseklītis", Assert.Single(search.GetProperty("contents").EnumerateArray()).GetProperty("name").GetString(), StringComparison.Ordinal);

        var none = await GetJsonAsync(Client, $"/api/providers/services?organization_id={Guid.NewGuid()}");
        Assert.True(none.GetProperty("empty").GetBoolean());
        var later = await GetJsonAsync(Client, "/api/providers/services?modified_after=2999-01-01T00:00:00Z");
        Assert.Equal(0, later.GetProperty("total_items").GetInt32());
    }

    [Fact]
    public async Task A_service_is_fully_nested_with_its_capacity_in_the_31_shape()
    {
        var service = await GetJsonAsync(Client, $"/api/providers/services/{HsdsIds.Service("svc-dgv-seniori-home")}");

        Assert.Equal("active", service.GetProperty("status").GetString());
        Assert.Equal("Daugavpils dienas aprūpes centrs senioriem", service.GetProperty("organization").GetProperty("name").GetString());
        var location = service.GetProperty("service_at_locations")[0].GetProperty("location");
        Assert.Equal("LV-DGV", location.GetProperty("external_identifier").GetString());
        var capacity = Assert.Single(service.GetProperty("capacities").EnumerateArray());
        Assert.Equal((5, 40, "vieta"), (capacity.GetProperty("available").GetInt32(), capacity.GetProperty("maximum").GetInt32(),
            capacity.GetProperty("unit").GetProperty("name").GetString()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", capacity.GetProperty("updated").GetString());
        var terms = service.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("taxonomy_term").GetProperty("code").GetString()).ToList();
        Assert.Contains("home-care", terms);
        Assert.Contains("elderly", terms);

        var register = await GetJsonAsync(Client, "/api/providers/services/01-01-daugavpils-pilsetas-domes-socialo-lietu-parvalde-long-term-care");
        var address = register.GetProperty("service_at_locations")[0].GetProperty("location").GetProperty("addresses")[0];
        Assert.Equal(("Komandanta iela 3", "Daugavpils", "LV-5401", "Daugavpils valstspilsēta", "LV"), (address.GetProperty("address_1").GetString(),
            address.GetProperty("city").GetString(), address.GetProperty("postal_code").GetString(), address.GetProperty("state_province").GetString(),
            address.GetProperty("country").GetString()));
        Assert.Equal((0, 17), (register.GetProperty("minimum_age").GetInt32(), register.GetProperty("maximum_age").GetInt32()));
        Assert.Equal(0, register.GetProperty("capacities")[0].GetProperty("available").GetInt32());
        Assert.False(register.GetProperty("capacities")[0].TryGetProperty("maximum", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/providers/services/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Organisations_are_hsds_and_the_round_1_shape_moved_to_admin()
    {
        var page = await GetJsonAsync(Client, "/api/providers/organizations?search=socialais dienests&per_page=100");
        Assert.True(page.GetProperty("total_items").GetInt32() >= 20);

        var office = await GetJsonAsync(Client, $"/api/providers/organizations/{HsdsIds.Organisation("sd-daugavpils-valstspilseta")}");
        Assert.Equal("LV-DGV", office.GetProperty("municipality").GetString());
        Assert.Empty(office.GetProperty("services").EnumerateArray());
        Assert.Equal("sd-daugavpils-valstspilseta", office.GetProperty("organization_identifiers")[0].GetProperty("identifier").GetString());

        var provider = await GetJsonAsync(Client, "/api/providers/organizations/01-02-daugavpils-pensionaru-socialas-apkalposanas-teri");
        Assert.Equal("daugavpilspansionats@apollo.lv", provider.GetProperty("email").GetString());
        Assert.Contains(provider.GetProperty("phones").EnumerateArray(), p => p.GetProperty("type").GetString() == "fax");
        Assert.Single(provider.GetProperty("services").EnumerateArray());

        var admin = await GetJsonAsync(Client, "/api/providers/admin/organizations/org-dgv-seniori");
        Assert.Equal(5, admin.GetProperty("services")[1].GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Service_at_locations_filter_by_municipality()
    {
        var preili = await GetJsonAsync(Client, "/api/providers/service_at_locations?municipality=LV-073&per_page=100");

        Assert.True(preili.GetProperty("total_items").GetInt32() >= 5);
        Assert.All(preili.GetProperty("contents").EnumerateArray(), sal =>
            Assert.Equal("LV-073", sal.GetProperty("location").GetProperty("external_identifier").GetString()));
        var bad = await Client.GetAsync("/api/providers/service_at_locations?municipality=LV-999", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Taxonomies_and_terms_are_published()
    {
        var taxonomies = await GetJsonAsync(Client, "/api/providers/taxonomies");
        var ids = taxonomies.GetProperty("contents").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        foreach (var name in new[] { "service-type", "client-group", "provider-type", "legal-status" })
        {
            Assert.Contains(DirectoryTaxonomies.TaxonomyIdOf(name), ids);
        }

        var legal = await GetJsonAsync(Client, $"/api/providers/taxonomy_terms?taxonomy_id={DirectoryTaxonomies.TaxonomyIdOf("legal-status")}&per_page=100");
        Assert.Equal(15, legal.GetProperty("total_items").GetInt32());
        var term = await GetJsonAsync(Client, $"/api/providers/taxonomy_terms/{DirectoryTaxonomies.TermIdOf("service-type", "crisis-centre")}");
        Assert.Equal(("crisis-centre", "Krīzes centrs"), (term.GetProperty("code").GetString(), term.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Bad_paging_is_400_naming_the_parameter()
    {
        var response = await Client.GetAsync("/api/providers/services?per_page=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("per_page", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/providers/services?modified_after=yesterday", Ct)).StatusCode);
    }

    [Fact]
    public async Task Capacity_answers_in_both_shapes_and_a_change_is_served_by_hsds()
    {
        var response = await Client.PutAsJsonAsync("/api/providers/services/svc-krs-krize-kc/capacity", new { available = 1, maximum = 8 }, Ct);
        var capacity = await response.Content.ReadFromJsonAsync<JsonElement>(Json, Ct);

        Assert.Equal(("svc-krs-krize-kc", 1, 8), (capacity.GetProperty("serviceId").GetString(), capacity.GetProperty("available").GetInt32(),
            capacity.GetProperty("maximum").GetInt32()));
        Assert.Equal(HsdsIds.Service("svc-krs-krize-kc"), capacity.GetProperty("service_id").GetString());
        Assert.Equal("vieta", capacity.GetProperty("unit").GetProperty("name").GetString());
        var read = await GetJsonAsync(Client, "/api/providers/services/svc-krs-krize-kc/capacity");
        Assert.Equal(capacity.GetProperty("updated").GetString(), read.GetProperty("updated").GetString());
        var service = await GetJsonAsync(Client, $"/api/providers/services/{HsdsIds.Service("svc-krs-krize-kc")}");
        Assert.Equal(1, service.GetProperty("capacities")[0].GetProperty("available").GetInt32());
    }
}
