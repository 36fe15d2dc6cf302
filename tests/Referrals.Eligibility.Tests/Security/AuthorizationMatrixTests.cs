using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Assessments;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.Tests.Api;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;
using Xunit;
using Outcome = Referrals.Testing.AccessOutcome;

namespace Referrals.Eligibility.Tests.Security;

/// <summary>
/// Every endpoint × every role × a foreign tenant: anonymous 401, a role not allowed 403, another tenant's referral
/// 404 (a list is narrowed instead), and nothing stored changes for any refused attempt. One positive cell per
/// endpoint keeps the matrix honest. An endpoint without a row fails <see cref="Every_endpoint_has_a_row"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    private const string Anonymous = "anonymous";
    private const string SocialWorker = "social-worker LV-DGV";
    private const string ForeignSocialWorker = "social-worker LV-RIX (foreign)";
    private const string Coordinator = "coordinator Latgale";
    private const string ForeignCoordinator = "coordinator Riga (foreign)";
    private const string ProviderStaff = "provider-staff org-dgv-seniori";
    private const string Administrator = "administrator";

    private static readonly Dictionary<string, DemoUser?> Callers = new()
    {
        [Anonymous] = null,
        [SocialWorker] = TestTokens.SocialWorker("LV-DGV", "sw-dgv"),
        [ForeignSocialWorker] = TestTokens.SocialWorker("LV-RIX", "sw-rix"),
        [Coordinator] = TestTokens.Coordinator("Latgale", "co-latgale"),
        [ForeignCoordinator] = TestTokens.Coordinator("Riga", "co-riga"),
        [ProviderStaff] = TestTokens.ProviderStaff("org-dgv-seniori", "ps-dgv"),
        [Administrator] = TestTokens.Administrator("admin-1"),
    };

    /// <summary>Endpoints anyone may call without a token (the service's own health and API description).</summary>
    private static readonly string[] AnonymousEndpoints = ["* /health/live", "* /health/ready", "GET /openapi/{documentName}.json"];

    private const string OneRuleDocument = """
        { "rules": [ { "id": "AGE.group-home", "titleLv": "Grupu māja: no 65 gadiem", "titleEn": "Group home: from 65", "serviceTypes": ["group-home"],
          "strength": "Programme", "source": { "seed": "001_c9e22c24143df34b.txt", "lines": "2679–2681" },
          "criterion": { "type": "ageRange", "minYears": 65 } } ] }
        """;

    private const string CheckBody = """
        { "serviceType": "group-home", "clientGroup": "mental-disorder", "dateOfBirth": "1985-06-15", "municipality": "LV-DGV",
          "declaredMunicipality": "LV-DGV", "documents": ["application", "id-document", "gp-certificate", "psychiatrist-opinion"] }
        """;

    private sealed record Row(
        string Method, string Route, Func<Fixture, HttpRequestMessage> Request, Dictionary<string, Outcome> Outcomes, bool Writes = false);

    private static readonly Row[] Rows =
    [
        new("GET", "/api/eligibility/rules", _ => Get("/api/eligibility/rules"), Everyone()),
        new("GET", "/api/eligibility/rulesets", _ => Get("/api/eligibility/rulesets"), Everyone()),
        new("GET", "/api/eligibility/rulesets/{version}", _ => Get("/api/eligibility/rulesets/1"), Everyone()),
        new("POST", "/api/eligibility/check", _ => Send(HttpMethod.Post, "/api/eligibility/check", CheckBody), Everyone()),
        new("POST", "/api/eligibility/rulesets", _ => Send(HttpMethod.Post, "/api/eligibility/rulesets", OneRuleDocument),
            Only(Roles.Administrator), Writes: true),
        new("PUT", "/api/eligibility/rulesets", _ => Send(HttpMethod.Put, "/api/eligibility/rulesets", OneRuleDocument),
            Only(Roles.Administrator), Writes: true),
        new("GET", "/api/eligibility/assessments/{referralId:guid}", f => Get($"/api/eligibility/assessments/{f.OwnReferral}"),
            Tenant(Outcome.NotFound, Roles.SocialWorker, Roles.Coordinator)),
        new("GET", "/api/eligibility/overdue", _ => Get("/api/eligibility/overdue"),
            Tenant(Outcome.Narrowed, Roles.SocialWorker, Roles.Coordinator)),
    ];

    public static TheoryData<string, string, Outcome> Cells()
    {
        var cells = new TheoryData<string, string, Outcome>();
        foreach (var row in Rows)
        {
            foreach (var (caller, outcome) in row.Outcomes)
            {
                cells.Add($"{row.Method} {row.Route}", caller, outcome);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell(string endpoint, string caller, Outcome expected)
    {
        var row = Rows.Single(r => $"{r.Method} {r.Route}" == endpoint);
        using var request = row.Request(fixture);
        if (Callers[caller] is { } user)
        {
            request.As(user);
        }

        var before = await StoreSnapshot.TakeAsync(fixture.Api.StoreConnectionString, Ct);
        using var response = await fixture.Client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var after = await StoreSnapshot.TakeAsync(fixture.Api.StoreConnectionString, Ct);

        switch (expected)
        {
            case Outcome.Allowed:
                Assert.True(response.IsSuccessStatusCode, $"{endpoint} as {caller}: {(int)response.StatusCode} {body}");
                if (row.Route == "/api/eligibility/overdue")
                {
                    Assert.Contains(fixture.OwnReferral.ToString(), body, StringComparison.Ordinal);
                    Assert.DoesNotContain(fixture.ForeignReferral.ToString(), body, StringComparison.Ordinal);
                }

                if (row.Writes)
                {
                    Assert.Equal(Callers[caller]!.Id, JsonNode.Parse(body)!["createdBy"]!.GetValue<string>());
                    return;
                }

                break;
            case Outcome.Narrowed:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.DoesNotContain(fixture.OwnReferral.ToString(), body, StringComparison.Ordinal);
                break;
            case Outcome.Unauthorized:
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                break;
            case Outcome.Forbidden:
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                break;
            case Outcome.NotFound:
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain("ruleSetVersion", body, StringComparison.Ordinal);
                break;
        }

        // A refused attempt (and any read) leaves every row of every table as it was.
        Assert.Equal(before, after);
    }

    [Fact]
    public void Every_endpoint_has_a_row()
    {
        var endpoints = MappedEndpoints.Of(fixture.Api.Services);

        var rows = Rows.Select(r => $"{r.Method} {r.Route}").ToHashSet();
        Assert.Empty(endpoints.Where(e => !e.Anonymous && !rows.Contains(e.Key)).Select(e => e.Key));
        Assert.Empty(endpoints.Where(e => e.Anonymous && !AnonymousEndpoints.Contains(e.Key)).Select(e => e.Key));
        Assert.Empty(rows.Except(endpoints.Select(e => e.Key)));
        Assert.All(Rows, r => Assert.Equal(Callers.Keys.Order(), r.Outcomes.Keys.Order()));
        Assert.All(Rows, r => Assert.Contains(Outcome.Allowed, r.Outcomes.Values));
    }

    [Fact]
    public async Task Anonymous_endpoints_answer_without_a_token()
    {
        using var live = await fixture.Client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);
        using var openApi = await fixture.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, new Uri(url, UriKind.Relative));

    private static HttpRequestMessage Send(HttpMethod method, string url, string json) =>
        new(method, new Uri(url, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static Dictionary<string, Outcome> Everyone() =>
        Callers.ToDictionary(c => c.Key, c => c.Value is null ? Outcome.Unauthorized : Outcome.Allowed);

    private static Dictionary<string, Outcome> Only(params string[] roles) =>
        Callers.ToDictionary(c => c.Key, c => c.Value switch
        {
            null => Outcome.Unauthorized,
            { } user when roles.Contains(user.Role) => Outcome.Allowed,
            _ => Outcome.Forbidden,
        });

    /// <summary>The roles read within their tenant; the same roles of another tenant get <paramref name="foreign"/>.</summary>
    private static Dictionary<string, Outcome> Tenant(Outcome foreign, params string[] roles) =>
        Callers.ToDictionary(c => c.Key, c => c.Value switch
        {
            null => Outcome.Unauthorized,
            { } user when roles.Contains(user.Role) => c.Key.EndsWith("(foreign)", StringComparison.Ordinal) ? foreign : Outcome.Allowed,
            _ => Outcome.Forbidden,
        });

    /// <summary>The service with one overdue assessment of a Daugavpils referral (own tenant) and one of a Riga referral.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public EligibilityApi Api { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public Guid OwnReferral { get; } = Guid.NewGuid();

        public Guid ForeignReferral { get; } = Guid.NewGuid();

        public async ValueTask InitializeAsync()
        {
            Client = Api.CreateClient();
            var store = Api.Services.GetRequiredService<IAssessmentStore>();
            foreach (var (referral, municipality) in new[] { (OwnReferral, "LV-DGV"), (ForeignReferral, "LV-RIX") })
            {
                var evaluation = new EligibilityEvaluation(EligibilityOutcome.NeedsInformation, "1", [
                    new RuleResult("R03", RuleVerdict.MissingInformation, "Trūkst dokumentu", "Missing documents"),
                ]);
                var assessment = Assessment.Of(referral, "group-home", evaluation, Api.Time.GetUtcNow(),
                    new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), municipality);
                assessment.OverdueSince = Api.Time.GetUtcNow();
                Assert.True(await store.TryAddAsync(assessment, TestContext.Current.CancellationToken));
            }
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Api.DisposeAsync();
        }
    }
}
