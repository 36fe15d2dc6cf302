using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Eligibility.Tests.Assessments;
using Referrals.Testing;
using Xunit;

namespace Referrals.Eligibility.Tests.Api;

/// <summary>Publishing rule-set documents: new versions judge new referrals, old ones stay readable, bad ones are refused by field.</summary>
public sealed class RuleSetVersionApiTests(EligibilityApi api) : IClassFixture<EligibilityApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = api.CreateClient().As(TestTokens.SocialWorker("LV-REZ"));

    private const string OneRule = """
        { "id": "AGE.group-home", "titleLv": "Grupu māja: no 65 gadiem", "titleEn": "Group home: from 65", "serviceTypes": ["group-home"],
          "strength": "Programme", "source": { "seed": "001_c9e22c24143df34b.txt", "lines": "2679–2681" },
          "criterion": { "type": "ageRange", "minYears": 65 } }
        """;

    private async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri("/api/eligibility/rulesets", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.As(TestTokens.Administrator("admin-1"));
        var response = await _client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject(), response);
    }

    private async Task<JsonArray> VersionsAsync() =>
        (await _client.GetFromJsonAsync<JsonArray>(new Uri("/api/eligibility/rulesets", UriKind.Relative), Ct))!;

    [Fact]
    public async Task A_published_document_becomes_the_next_version_and_old_versions_stay_readable()
    {
        // The seed, fetched and sent back with one rule changed, as an administrator would edit it.
        var seed = (await _client.GetFromJsonAsync<JsonObject>(new Uri("/api/eligibility/rulesets/1", UriKind.Relative), Ct))!;
        Assert.Equal("1", seed["version"]!.GetValue<string>());
        var edited = seed.DeepClone().AsObject();
        var groupHome = edited["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "AGE.group-home")!;
        groupHome["criterion"]!["minYears"] = 65;

        var (status, created, response) = await SendAsync(HttpMethod.Post, edited.ToJsonString());
        using (response)
        {
            Assert.Equal(HttpStatusCode.Created, status);
            var version = created["version"]!.GetValue<string>();
            Assert.Equal($"/api/eligibility/rulesets/{version}", response.Headers.Location?.OriginalString);
            Assert.Equal("admin-1", created["createdBy"]!.GetValue<string>());
            Assert.Equal(seed["rules"]!.AsArray().Count, created["ruleCount"]!.GetValue<int>());

            var versions = await VersionsAsync();
            Assert.Contains(versions, v => v!["version"]!.GetValue<string>() == "1" && v["seed"]!.GetValue<bool>());
            Assert.Contains(versions, v => v!["version"]!.GetValue<string>() == version);

            // The old version still says what it said.
            var old = (await _client.GetFromJsonAsync<JsonObject>(new Uri("/api/eligibility/rulesets/1", UriKind.Relative), Ct))!;
            Assert.Equal(18, old["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "AGE.group-home")!["criterion"]!["minYears"]!.GetValue<int>());
            var current = (await _client.GetFromJsonAsync<JsonObject>(new Uri($"/api/eligibility/rulesets/{version}", UriKind.Relative), Ct))!;
            Assert.Equal(65, current["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "AGE.group-home")!["criterion"]!["minYears"]!.GetValue<int>());

            // New referrals are judged, and say so, under the new version.
            var referralId = Guid.NewGuid();
            await api.Services.GetRequiredService<IBus>().Publish(Samples.Submitted(referralId, declared: "LV-REZ"), Ct);
            var assessment = await WaitForAssessmentAsync(referralId);
            Assert.Equal(version, assessment["ruleSetVersion"]!.GetValue<string>());
            Assert.Equal("NotEligible", assessment["outcome"]!.GetValue<string>());

            // Rules of an old version can still be listed.
            var oldRules = await _client.GetFromJsonAsync<JsonArray>(new Uri("/api/eligibility/rules?version=1&serviceType=group-home", UriKind.Relative), Ct);
            Assert.All(oldRules!, r => Assert.Equal("1", r!["ruleSetVersion"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Put_also_publishes_a_version_numbered_by_the_service()
    {
        var (status, created, response) = await SendAsync(HttpMethod.Put, $$"""{ "version": "my-own", "rules": [ {{OneRule}} ] }""");
        using (response)
        {
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.True(int.Parse(created["version"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        }
    }

    [Theory]
    [InlineData("""{ "version": "x", "rules": [ RULE, { "id": "X2", "titleLv": "x", "titleEn": "x", "strength": "Programme", "source": { "legalAct": "t" }, "criterion": { "type": "ageRange", "minYears": -1 } } ] }""", "rules[1].criterion.minYears")]
    [InlineData("""{ "rules": [ { "id": "X2", "titleLv": "x", "titleEn": "x", "strength": "Programme", "source": { "legalAct": "t" }, "criterion": { "type": "ageRange", "minYears": "eighteen" } } ] }""", "rules[0].criterion.minYears")]
    [InlineData("""{ "rules": [ { "id": "X2", "titleLv": "x", "titleEn": "x", "strength": "Programme", "source": { "legalAct": "t" }, "criterion": { "type": "consentByAge", "ownFromYears": 14, "representativeUnderYears": 18 } }, { "id": "X3", "titleLv": "x", "titleEn": "x", "strength": "Programme", "source": { "legalAct": "t" }, "criterion": { "type": "allOf", "criteria": [ { "type": "referredByIn", "referrers": ["neighbour"] } ] } } ] }""", "rules[1].criterion.criteria[0].referrers[0]")]
    [InlineData("""{ "rules": [ { "id": "X2", "titleLv": "x", "titleEn": "x", "strength": "Programme", "serviceTypes": ["spa"], "source": { "legalAct": "t" }, "criterion": { "type": "ageRange", "minYears": 1 } } ] }""", "rules[0].serviceTypes[0]")]
    [InlineData("""{ "rules": [ { "id": "X2", "titleLv": "x", "titleEn": "x", "strength": "Programme", "source": { "seed": "004_37068a9cc46fe536.txt" }, "criterion": { "type": "ageRange", "minYears": 1 } } ] }""", "rules[0].source")]
    [InlineData("""{ "rules": [ { "id": "X2", "titleLv": "x", "titleEn": "x", "strength": "Programme", "source": { "legalAct": "t" }, "criterion": { "type": "caps", "limits": [ { "max": 0, "unit": "Sessions" } ] } } ] }""", "rules[0].criterion.limits[0].max")]
    [InlineData("""{ "rules": [] }""", "rules")]
    [InlineData("""{ "rules": [ RULE, RULE ] }""", "rules[1].id")]
    [InlineData("""{ "rules": [ """, "rules[0]")]
    [InlineData("""not json""", "body")]
    [InlineData("""{ "rules": [ { "id": "X2", "titleLv": "x", "titleEn": "x", "strength": "Programme", "source": { "legalAct": "t" }, "criterion": { "type": "shoeSize" } } ] }""", "rules[0].criterion")]
    public async Task An_invalid_document_is_refused_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var before = (await VersionsAsync()).Count;

        var (status, problem, response) = await SendAsync(HttpMethod.Post, json.Replace("RULE", OneRule, StringComparison.Ordinal));
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"expected '{field}' in {problem["errors"]!.ToJsonString()}");
        }

        Assert.Equal(before, (await VersionsAsync()).Count);
    }

    [Fact]
    public async Task An_unknown_version_is_not_found()
    {
        using var response = await _client.GetAsync(new Uri("/api/eligibility/rulesets/999", UriKind.Relative), Ct);
        using var badRules = await _client.GetAsync(new Uri("/api/eligibility/rules?version=999", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRules.StatusCode);
    }

    private async Task<JsonObject> WaitForAssessmentAsync(Guid referralId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await _client.GetAsync(new Uri($"/api/eligibility/assessments/{referralId}", UriKind.Relative), Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
            }

            Assert.True(DateTime.UtcNow < deadline, "the referral was not assessed in time");
            await Task.Delay(100, Ct);
        }
    }
}
