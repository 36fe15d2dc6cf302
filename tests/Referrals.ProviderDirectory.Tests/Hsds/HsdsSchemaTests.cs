using System.Text.Json.Nodes;
using NJsonSchema;
using Referrals.ProviderDirectory.Hsds;
using Referrals.Testing;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Hsds;

/// <summary>
/// Real responses validated against the HSDS 3.0 JSON Schemas in ../shared/standards/hsds-3.0 (not copied into the
/// repository: skipped, with the reason, where that folder is absent).
/// </summary>
[Collection(SeededDirectory.Name)]
public sealed class HsdsSchemaTests(SeededDirectory directory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Schemas()
    {
        var shared = RepositoryLayout.SharedFolder();
        var folder = shared is null ? null : Path.Combine(shared, "standards", "hsds-3.0");
        if (folder is null || !Directory.Exists(folder))
        {
            Assert.Skip("The HSDS 3.0 schemas (../shared/standards/hsds-3.0) are not present next to the repository.");
        }

        return folder;
    }

    private async Task<string> GetAsync(string url)
    {
        var response = await directory.Client.GetAsync(url, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static void AssertValid(JsonSchema schema, string json, string what)
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{what}: " + string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}")));
    }

    private static async Task<JsonSchema> PageSchemaAsync(string folder)
    {
        var openapi = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "schema", "openapi.json"), Ct))!;
        var page = openapi["components"]!["schemas"]!["Page"]!.DeepClone().AsObject();
        page["required"] = new JsonArray("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty");
        return await JsonSchema.FromJsonAsync(page.ToJsonString(), Ct);
    }

    private async Task AssertPageAsync(string folder, string url, string itemSchema)
    {
        var json = await GetAsync(url);
        AssertValid(await PageSchemaAsync(folder), json, url);
        var items = await JsonSchema.FromFileAsync(Path.Combine(folder, "compiled", itemSchema), Ct);
        var contents = JsonNode.Parse(json)!["contents"]!.AsArray();
        Assert.NotEmpty(contents);
        foreach (var item in contents)
        {
            AssertValid(items, item!.ToJsonString(), $"{url} item");
        }
    }

    [Fact]
    public async Task Every_service_validates_fully_nested()
    {
        var folder = Schemas();
        var schema = await JsonSchema.FromFileAsync(Path.Combine(folder, "compiled", "service_with_definitions.json"), Ct);
        // The validator is live: a service without its required status, or with a null where HSDS wants a string, fails.
        Assert.NotEmpty(schema.Validate("""{"id":"2ed6657d-e927-568b-95e1-2665a8aea6a2","name":"x"}"""));
        Assert.NotEmpty(schema.Validate("""{"id":"2ed6657d-e927-568b-95e1-2665a8aea6a2","name":"x","status":"active","email":null}"""));
        var page = JsonNode.Parse(await GetAsync("/api/providers/services?per_page=500"))!;
        Assert.True(page["total_items"]!.GetValue<long>() <= 500);
        foreach (var item in page["contents"]!.AsArray())
        {
            var id = item!["id"]!.GetValue<string>();
            AssertValid(schema, await GetAsync($"/api/providers/services/{id}"), $"service {id}");
        }
    }

    [Fact]
    public async Task Every_organisation_validates_fully_nested()
    {
        var folder = Schemas();
        var schema = await JsonSchema.FromFileAsync(Path.Combine(folder, "schema", "organization.json"), Ct);
        var page = JsonNode.Parse(await GetAsync("/api/providers/organizations?per_page=500"))!;
        Assert.True(page["total_items"]!.GetValue<long>() >= 143);
        foreach (var item in page["contents"]!.AsArray())
        {
            var id = item!["id"]!.GetValue<string>();
            AssertValid(schema, await GetAsync($"/api/providers/organizations/{id}"), $"organization {id}");
        }
    }

    [Fact]
    public async Task Pages_validate_with_their_list_items()
    {
        var folder = Schemas();
        await AssertPageAsync(folder, "/api/providers/services?per_page=500", "service_list.json");
        await AssertPageAsync(folder, "/api/providers/organizations?per_page=500", "organization_list.json");
        await AssertPageAsync(folder, "/api/providers/service_at_locations?per_page=500", "service_at_location_list.json");
    }

    [Fact]
    public async Task Taxonomies_and_terms_validate()
    {
        var folder = Schemas();
        var taxonomy = await JsonSchema.FromFileAsync(Path.Combine(folder, "schema", "taxonomy.json"), Ct);
        var term = await JsonSchema.FromFileAsync(Path.Combine(folder, "schema", "taxonomy_term.json"), Ct);
        foreach (var item in JsonNode.Parse(await GetAsync("/api/providers/taxonomies"))!["contents"]!.AsArray())
        {
            AssertValid(taxonomy, item!.ToJsonString(), "taxonomy");
        }

        foreach (var item in JsonNode.Parse(await GetAsync("/api/providers/taxonomy_terms?per_page=500"))!["contents"]!.AsArray())
        {
            AssertValid(term, item!.ToJsonString(), "taxonomy term");
        }
    }

    [Fact]
    public async Task Capacities_validate_against_the_31_dev_service_capacity()
    {
        var folder = Schemas();
        // The 3.1-dev files refer to unit.json / attribute.json by their final names; inline the unit and leave out the
        // optional attributes/metadata arrays we never publish.
        var capacity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "service_capacity.3.1-dev.json"), Ct))!.AsObject();
        var unit = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "unit.3.1-dev.json"), Ct))!.AsObject();
        unit["properties"]!.AsObject().Remove("attributes");
        unit["properties"]!.AsObject().Remove("metadata");
        var properties = capacity["properties"]!.AsObject();
        properties.Remove("attributes");
        properties.Remove("metadata");
        properties["unit"] = new JsonObject { ["type"] = "object", ["properties"] = unit["properties"]!.DeepClone(), ["required"] = unit["required"]!.DeepClone() };
        var schema = await JsonSchema.FromJsonAsync(capacity.ToJsonString(), Ct);

        var service = JsonNode.Parse(await GetAsync($"/api/providers/services/{HsdsIds.Service("svc-dgv-seniori-home")}"))!;
        AssertValid(schema, service["capacities"]![0]!.ToJsonString(), "service capacity");
        AssertValid(schema, await GetAsync("/api/providers/services/svc-dgv-seniori-home/capacity"), "capacity endpoint");
    }
}
