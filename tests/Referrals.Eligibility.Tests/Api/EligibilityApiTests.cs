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

public sealed class EligibilityApiTests(EligibilityApi api) : IClassFixture<EligibilityApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The referrals of Samples are Rēzekne's: its social worker may read their assessments and anyone signed in may check.
    private readonly HttpClient _client = api.CreateClient().As(TestTokens.SocialWorker("LV-REZ"));

    private static JsonObject CheckBody(
        string serviceType = "group-home",
        string clientGroup = "mental-disorder",
        string dateOfBirth = "1985-06-15",
        string municipality = "LV-REZ",
        string declaredMunicipality = "LV-REZ",
        params string[] documents) => new()
        {
            ["serviceType"] = serviceType,
            ["clientGroup"] = clientGroup,
            ["dateOfBirth"] = dateOfBirth,
            ["municipality"] = municipality,
            ["declaredMunicipality"] = declaredMunicipality,
            ["documents"] = new JsonArray((documents.Length == 0
                ? ["application", "id-document", "gp-certificate", "psychiatrist-opinion"]
                : documents).Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
        };

    private async Task<(HttpStatusCode Status, JsonObject Body, string? MediaType)> PostCheckAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/api/eligibility/check", UriKind.Relative), content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject(), response.Content.Headers.ContentType?.MediaType);
    }

    private static JsonObject Errors(JsonObject problem) => problem["errors"]!.AsObject();

    [Fact]
    public async Task Rules_are_listed_with_strength_source_and_typed_criterion()
    {
        var rules = await _client.GetFromJsonAsync<JsonArray>(new Uri("/api/eligibility/rules", UriKind.Relative), Ct);

        var r01 = rules!.Single(r => r!["id"]!.GetValue<string>() == "R01")!;
        Assert.Equal("Statutory", r01["strength"]!.GetValue<string>());
        Assert.Equal("declaredResidenceIn", r01["criterion"]!["type"]!.GetValue<string>());
        Assert.Equal("673–677", r01["source"]!["lines"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(r01["title"]!.GetValue<string>()));
        Assert.Empty(r01["serviceTypes"]!.AsArray());
    }

    [Fact]
    public async Task Rules_can_be_narrowed_to_a_service_type()
    {
        var rules = await _client.GetFromJsonAsync<JsonArray>(new Uri("/api/eligibility/rules?serviceType=group-home", UriKind.Relative), Ct);

        var ids = rules!.Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("R01", ids);
        Assert.Contains("AGE.group-home", ids);
        Assert.DoesNotContain("R05", ids);
        var age = rules!.Single(r => r!["id"]!.GetValue<string>() == "AGE.group-home")!;
        Assert.Equal(18, age["criterion"]!["minYears"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rules_of_an_unknown_service_type_are_a_bad_request()
    {
        using var response = await _client.GetAsync(new Uri("/api/eligibility/rules?serviceType=spa", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        Assert.True(Errors(problem).ContainsKey("serviceType"));
    }

    [Fact]
    public async Task A_check_of_an_eligible_client_passes_every_rule()
    {
        var (status, body, _) = await PostCheckAsync(CheckBody().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Eligible", body["outcome"]!.GetValue<string>());
        Assert.Equal("1", body["ruleSetVersion"]!.GetValue<string>());
        Assert.All(body["results"]!.AsArray(), r => Assert.Equal("Passed", r!["verdict"]!.GetValue<string>()));
        Assert.Contains(body["results"]!.AsArray(), r => r!["ruleId"]!.GetValue<string>() == "R02.mental-disorder");
    }

    [Fact]
    public async Task A_check_is_made_on_todays_date_and_explains_a_refusal()
    {
        // 17 today: turns 18 tomorrow (the clock is fixed at 15 June 2026).
        var (status, body, _) = await PostCheckAsync(CheckBody(dateOfBirth: "2008-06-16").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("NotEligible", body["outcome"]!.GetValue<string>());
        var age = body["results"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>() == "AGE.group-home")!;
        Assert.Equal("Failed", age["verdict"]!.GetValue<string>());
        Assert.Equal("Vecums 17 g.; pakalpojums paredzēts no 18 gadiem", age["reasonLv"]!.GetValue<string>());
        Assert.Equal("Age 17; the service is for ages 18 and over", age["reasonEn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_check_with_missing_documents_needs_information_and_stores_nothing()
    {
        var before = await api.StoredAssessmentsAsync(Ct);

        var (status, body, _) = await PostCheckAsync(CheckBody(documents: ["application", "id-document"]).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("NeedsInformation", body["outcome"]!.GetValue<string>());
        var missing = body["results"]!.AsArray().Single(r => r!["verdict"]!.GetValue<string>() == "MissingInformation")!;
        Assert.Equal("Missing documents: GP certificate, Psychiatrist's opinion", missing["reasonEn"]!.GetValue<string>());
        Assert.Equal(before, await api.StoredAssessmentsAsync(Ct));
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{ "serviceType": "group-home", """, "body" },
        { "not json at all", "body" },
        { "", "body" },
        { "null", "body" },
        { """{ "serviceType": 42 }""", "serviceType" },
        { """{ "serviceType": "group-home", "dateOfBirth": 19850615 }""", "dateOfBirth" },
        { """{ "serviceType": "group-home", "dateOfBirth": "1985-13-45" }""", "dateOfBirth" },
        { """{ "serviceType": "group-home", "documents": "application" }""", "documents" },
        { """{ "serviceType": "group-home", "documents": ["application", 7] }""", "documents[1]" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Malformed_json_or_a_wrong_type_is_a_problem_naming_the_field(string json, string field)
    {
        var (status, body, mediaType) = await PostCheckAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.True(Errors(body).ContainsKey(field), body.ToJsonString());
    }

    [Fact]
    public async Task Unknown_codes_missing_fields_and_a_future_birth_are_named_field_by_field()
    {
        var body = CheckBody(serviceType: "spa", clientGroup: "martians", dateOfBirth: "2026-06-16", municipality: "LV-XXX", declaredMunicipality: "",
            "application", "passport-photo");

        var (status, problem, _) = await PostCheckAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = Errors(problem);
        Assert.Equal(
            new[] { "clientGroup", "dateOfBirth", "declaredMunicipality", "documents[1]", "municipality", "serviceType" },
            errors.Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain("2026-06-16", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_request_names_every_required_field()
    {
        var (status, problem, _) = await PostCheckAsync("{}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(5, Errors(problem).Count);
    }

    [Fact]
    public async Task An_unknown_assessment_is_not_found()
    {
        using var unknown = await _client.GetAsync(new Uri($"/api/eligibility/assessments/{Guid.NewGuid()}", UriKind.Relative), Ct);
        using var notAnId = await _client.GetAsync(new Uri("/api/eligibility/assessments/R-ABC123", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
    }

    [Fact]
    public async Task A_submitted_referral_on_the_bus_is_assessed_and_readable()
    {
        var referralId = Guid.NewGuid();
        var bus = api.Services.GetRequiredService<IBus>();

        await bus.Publish(Samples.Submitted(referralId, declared: "LV-077"), Ct);

        var assessment = await WaitForAssessmentAsync(referralId);
        Assert.Equal(referralId, assessment["referralId"]!.GetValue<Guid>());
        Assert.Equal("NotEligible", assessment["outcome"]!.GetValue<string>());
        Assert.Equal("1", assessment["ruleSetVersion"]!.GetValue<string>());
        Assert.Equal(api.Time.GetUtcNow(), assessment["assessedAt"]!.GetValue<DateTimeOffset>());
        var r01 = assessment["results"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>() == "R01")!;
        Assert.Equal("Failed", r01["verdict"]!.GetValue<string>());
        Assert.DoesNotContain("1961", assessment.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_is_ready_and_describes_its_api()
    {
        using var ready = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
        var openApi = await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("/api/eligibility/check", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/eligibility/assessments/{referralId}", openApi, StringComparison.Ordinal);
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
