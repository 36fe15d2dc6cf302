using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Referrals.Testing;
using Xunit;
using static Referrals.ProviderDirectory.Tests.Api.DirectoryApp;

namespace Referrals.ProviderDirectory.Tests.Api;

public sealed class ValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, Ct);
    }

    private static StringContent JsonText(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Wrong_types_and_malformed_json_are_400_naming_the_field()
    {
        await using var app = new DirectoryApp();
        using var client = app.CreateClient().As(TestTokens.Administrator());

        var wrongType = await ProblemAsync(
            await client.PostAsync("/api/providers/organizations", JsonText("""{"id":"org-x","services":[{"maximum":"many"}]}"""), Ct),
            HttpStatusCode.BadRequest);
        Assert.True(wrongType.GetProperty("errors").TryGetProperty("services[0].maximum", out _), wrongType.ToString());

        var malformed = await ProblemAsync(
            await client.PutAsync("/api/providers/services/svc-x/capacity", JsonText("""{"available": 3,"""), Ct),
            HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Object, malformed.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task Invalid_organisations_are_refused_field_by_field_and_nothing_is_stored()
    {
        await using var app = new DirectoryApp();
        using var client = app.CreateClient().As(TestTokens.Administrator());

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/providers/organizations", new
        {
            id = "org-x",
            name = "Nezināms",
            phone = "12345",
            municipality = "LV-XXX",
            services = new[] { new { id = "svc-x", serviceType = "spa", clientGroups = new[] { "elderly" }, maximum = 2, available = 5 } },
        }, Ct), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "phone", "municipality", "services[0].serviceType", "services[0].available" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/providers/organizations/org-x", Ct)).StatusCode);
    }

    [Fact]
    public async Task Decline_needs_a_known_reason_and_text_for_other()
    {
        await using var app = new DirectoryApp();
        using var client = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv"));
        var offer = Guid.NewGuid();

        var unknown = await ProblemAsync(
            await client.PostAsJsonAsync($"/api/providers/offers/{offer}/decline", new { reason = "Bored" }, Ct), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("reason", out _));
        var other = await ProblemAsync(
            await client.PostAsJsonAsync($"/api/providers/offers/{offer}/decline", new { reason = "Other" }, Ct), HttpStatusCode.BadRequest);
        Assert.True(other.GetProperty("errors").TryGetProperty("text", out _));
        await ProblemAsync(
            await client.PostAsJsonAsync($"/api/providers/offers/{offer}/decline", new { reason = "NoCapacity" }, Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_bad_filters_400()
    {
        await using var app = new DirectoryApp();
        using var staff = app.CreateClient().As(TestTokens.ProviderStaff("org-dgv"));
        using var socialWorker = app.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        using var admin = app.CreateClient().As(TestTokens.Administrator());

        await ProblemAsync(await staff.PostAsync($"/api/providers/offers/{Guid.NewGuid()}/accept", null, Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await socialWorker.GetAsync($"/api/providers/referrals/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await socialWorker.GetAsync("/api/providers/organizations/nope", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(
            await admin.PutAsJsonAsync("/api/providers/services/nope/capacity", new { available = 1 }, Ct), HttpStatusCode.NotFound);
        var status = await ProblemAsync(await socialWorker.GetAsync("/api/providers/offers?status=Maybe", Ct), HttpStatusCode.BadRequest);
        Assert.True(status.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task The_demo_directory_loads_when_seeding_is_on()
    {
        await using var app = new DirectoryApp(seed: true);
        using var client = app.CreateClient().As(TestTokens.Administrator());

        var organisations = await GetJsonAsync(client, "/api/providers/admin/organizations");

        Assert.True(organisations.GetArrayLength() >= 8);
        var services = organisations.EnumerateArray().SelectMany(o => o.GetProperty("services").EnumerateArray()).ToList();
        Assert.Contains(services, s => s.GetProperty("available").GetInt32() == 0);
        Assert.Contains(services, s => s.GetProperty("serviceType").GetString() == "crisis-centre");
    }
}
