using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Eligibility.Deadlines;
using Referrals.Eligibility.Tests.Assessments;
using Referrals.Testing;
using Xunit;

namespace Referrals.Eligibility.Tests.Api;

/// <summary>The what-if check with the optional facts, and the overdue list.</summary>
public sealed class FactsAndOverdueApiTests(EligibilityApi api) : IClassFixture<EligibilityApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = api.CreateClient().As(TestTokens.SocialWorker("LV-REZ"));

    private async Task<(HttpStatusCode Status, JsonObject Body)> CheckAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/api/eligibility/check", UriKind.Relative), content, Ct);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject());
    }

    private const string Teenager = """
        "serviceType": "social-work", "clientGroup": "children-with-behavioural-problems", "dateOfBirth": "2012-06-15",
        "municipality": "LV-DGV", "declaredMunicipality": "LV-DGV", "documents": ["application", "id-document"], "programme": "H4"
        """;

    [Fact]
    public async Task A_programme_check_asks_for_the_consent_a_fourteen_year_old_must_give()
    {
        var (status, body) = await CheckAsync($$"""{ {{Teenager}}, "referredBy": "doctor", "consentGivenBy": ["legal-representative"] }""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("NeedsInformation", body["outcome"]!.GetValue<string>());
        var r35 = body["results"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>() == "R35")!;
        Assert.Equal("MissingInformation", r35["verdict"]!.GetValue<string>());
        Assert.Contains("own consent", r35["reasonEn"]!.GetValue<string>(), StringComparison.Ordinal);

        var (_, withConsent) = await CheckAsync($$"""{ {{Teenager}}, "referredBy": "doctor", "consentGivenBy": ["legal-representative", "person"] }""");
        Assert.Equal("Eligible", withConsent["outcome"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(""" "referredBy": "neighbour" """, "referredBy")]
    [InlineData(""" "consentGivenBy": ["person", "teacher"] """, "consentGivenBy[1]")]
    [InlineData(""" "careLevel": "V" """, "careLevel")]
    [InlineData(""" "incomeStatus": "rich" """, "incomeStatus")]
    [InlineData(""" "diagnosisCodes": ["F4"] """, "diagnosisCodes[0]")]
    [InlineData(""" "programme": "X9" """, "programme")]
    [InlineData(""" "gender": "other" """, "gender")]
    [InlineData(""" "consentGivenBy": "person" """, "consentGivenBy")]
    public async Task An_unknown_fact_value_is_refused_naming_the_field(string fact, string field)
    {
        var (status, body) = await CheckAsync($$"""{ {{Teenager}}, {{fact}} }""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body["errors"]!.AsObject().ContainsKey(field), body.ToJsonString());
    }

    [Fact]
    public async Task Rules_can_be_narrowed_to_a_programme()
    {
        var rules = await _client.GetFromJsonAsync<JsonArray>(new Uri("/api/eligibility/rules?programme=H4", UriKind.Relative), Ct);

        var ids = rules!.Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("R35", ids);
        Assert.Contains("R01", ids);
        Assert.DoesNotContain("R39", ids);
        var r35 = rules!.Single(r => r!["id"]!.GetValue<string>() == "R35")!;
        Assert.Equal("H4", r35["programmes"]![0]!.GetValue<string>());
        Assert.Equal("6300–6350, 6366", r35["source"]!["lines"]!.GetValue<string>());
    }

    [Fact]
    public async Task Overdue_decisions_are_listed()
    {
        var referralId = Guid.NewGuid();
        var message = Samples.Submitted(referralId, declared: "LV-REZ") with { Documents = ["application"] };
        await api.Services.GetRequiredService<IBus>().Publish(message, Ct);
        await WaitAsync(async () => (await _client.GetAsync(new Uri($"/api/eligibility/assessments/{referralId}", UriKind.Relative), Ct)).StatusCode == HttpStatusCode.OK);

        api.Time.Advance(TimeSpan.FromDays(45));
        await api.Services.GetRequiredService<OverdueDecisions>().FlagAsync(Ct);

        var overdue = await _client.GetFromJsonAsync<JsonArray>(new Uri("/api/eligibility/overdue", UriKind.Relative), Ct);
        var entry = overdue!.Single(o => o!["referralId"]!.GetValue<Guid>() == referralId)!;
        Assert.Equal("NeedsInformation", entry["outcome"]!.GetValue<string>());
        Assert.Equal("2026-07-15", entry["decisionDueOn"]!.GetValue<string>());
        Assert.NotNull(entry["overdueSince"]);
        Assert.Equal("LV-REZ", entry["municipality"]!.GetValue<string>());
        var assessment = await _client.GetFromJsonAsync<JsonObject>(new Uri($"/api/eligibility/assessments/{referralId}", UriKind.Relative), Ct);
        Assert.Equal("2026-07-15", assessment!["decisionDueOn"]!.GetValue<string>());
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100, Ct);
        }
    }
}
