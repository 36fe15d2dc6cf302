using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Intake.Tests.Api;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Security;

/// <summary>
/// Every Intake endpoint × every caller: anonymous 401, roles not allowed 403, allowed roles of a foreign tenant 403 or
/// 404, and one own-tenant call that succeeds. Every refused call leaves the store (every row of every table) as it was.
/// </summary>
public sealed class AuthorizationMatrixTests(IntakeApiFactory api) : IClassFixture<IntakeApiFactory>
{
    private const string Submit = "POST /api/referrals";
    private const string List = "GET /api/referrals";
    private const string Report = "GET /api/referrals/report";
    private const string Get = "GET /api/referrals/{id:guid}";
    private const string Withdraw = "POST /api/referrals/{id:guid}/withdraw";
    private const string Close = "POST /api/referrals/{id:guid}/close";
    private const string Search = "POST /api/referrals/search";
    private const string Export = "GET /api/referrals/clients/{clientId:guid}/export";
    private const string Audit = "GET /api/referrals/audit";
    private const string Live = "ANY /health/live";
    private const string Ready = "ANY /health/ready";
    private const string OpenApi = "GET /openapi/{documentName}.json";

    private static readonly Dictionary<string, DemoUser?> Callers = new()
    {
        ["anonymous"] = null,
        ["social-worker LV-DGV (own)"] = TestTokens.SocialWorker("LV-DGV", "m-sw-dgv"),
        ["social-worker LV-REZ (foreign)"] = TestTokens.SocialWorker("LV-REZ", "m-sw-rez"),
        ["coordinator Latgale (own region)"] = TestTokens.Coordinator("Latgale", "m-co-latgale"),
        ["coordinator Riga (foreign region)"] = TestTokens.Coordinator("Riga", "m-co-riga"),
        ["provider-staff org-dgv-seniori (offered/placed)"] = TestTokens.ProviderStaff(MatrixSeed.Provider, "m-ps-dgv"),
        ["provider-staff org-rez-sac (foreign)"] = TestTokens.ProviderStaff("org-rez-sac", "m-ps-rez"),
        ["administrator"] = TestTokens.Administrator("m-admin"),
    };

    private const string Anonymous = "anonymous";
    private const string Worker = "social-worker LV-DGV (own)";
    private const string ForeignWorker = "social-worker LV-REZ (foreign)";
    private const string Coordinator = "coordinator Latgale (own region)";
    private const string ForeignCoordinator = "coordinator Riga (foreign region)";
    private const string Provider = "provider-staff org-dgv-seniori (offered/placed)";
    private const string ForeignProvider = "provider-staff org-rez-sac (foreign)";
    private const string Admin = "administrator";

    /// <summary>Endpoint, caller, target (which seeded referral or which query), expected status.</summary>
    public static TheoryData<string, string, string, int> Matrix => new()
    {
        { Submit, Anonymous, "LV-DGV", 401 },
        { Submit, Worker, "LV-DGV", 201 },
        { Submit, ForeignWorker, "LV-DGV", 403 },
        { Submit, Coordinator, "LV-DGV", 403 },
        { Submit, Provider, "LV-DGV", 403 },
        { Submit, Admin, "LV-DGV", 403 },

        { List, Anonymous, "", 401 },
        { List, Worker, "", 200 },
        { List, Worker, "?municipality=LV-RIX", 403 },
        { List, ForeignWorker, "?municipality=LV-DGV", 403 },
        { List, Coordinator, "?municipality=LV-DGV", 200 },
        { List, Coordinator, "?municipality=LV-RIX", 403 },
        { List, ForeignCoordinator, "?municipality=LV-DGV", 403 },
        { List, Provider, "", 403 },
        { List, Admin, "", 403 },

        { Report, Anonymous, "", 401 },
        { Report, Worker, "", 200 },
        { Report, Worker, "?municipality=LV-RIX", 403 },
        { Report, ForeignWorker, "?municipality=LV-DGV", 403 },
        { Report, Coordinator, "?municipality=LV-DGV", 200 },
        { Report, Coordinator, "?municipality=LV-RIX", 403 },
        { Report, ForeignCoordinator, "?municipality=LV-DGV", 403 },
        { Report, Provider, "", 403 },
        { Report, Admin, "", 403 },

        { Get, Anonymous, "offered", 401 },
        { Get, Worker, "offered", 200 },
        { Get, Worker, "foreign", 404 },
        { Get, ForeignWorker, "offered", 404 },
        { Get, Coordinator, "offered", 200 },
        { Get, ForeignCoordinator, "offered", 404 },
        { Get, Provider, "offered", 200 },
        { Get, Provider, "placed", 200 },
        { Get, Provider, "foreign", 404 },
        { Get, ForeignProvider, "offered", 404 },
        { Get, ForeignProvider, "placed", 404 },
        { Get, Admin, "offered", 403 },

        { Withdraw, Anonymous, "offered", 401 },
        { Withdraw, Worker, "offered", 200 },
        { Withdraw, Worker, "foreign", 404 },
        { Withdraw, ForeignWorker, "offered", 404 },
        { Withdraw, Coordinator, "offered", 403 },
        { Withdraw, Provider, "offered", 403 },
        { Withdraw, Admin, "offered", 403 },

        { Close, Anonymous, "placed", 401 },
        { Close, Worker, "placed", 200 },
        { Close, ForeignWorker, "placed", 404 },
        { Close, Coordinator, "placed", 403 },
        { Close, Provider, "placed", 403 },
        { Close, Admin, "placed", 403 },

        { Search, Anonymous, "", 401 },
        { Search, Worker, "", 200 },
        // The search names no tenant: a foreign worker gets their own municipality's (no) matches and nothing is recorded.
        { Search, ForeignWorker, "", 200 },
        { Search, Coordinator, "", 403 },
        { Search, Provider, "", 403 },
        { Search, Admin, "", 403 },

        { Export, Anonymous, "", 401 },
        { Export, Worker, "", 200 },
        { Export, ForeignWorker, "", 404 },
        { Export, Coordinator, "", 403 },
        { Export, Provider, "", 403 },
        { Export, Admin, "", 403 },

        { Audit, Anonymous, "", 401 },
        { Audit, Admin, "", 200 },
        { Audit, Worker, "", 403 },
        { Audit, Coordinator, "", 403 },
        { Audit, Provider, "", 403 },

        { Live, Anonymous, "", 200 },
        { Ready, Anonymous, "", 200 },
        { OpenApi, Anonymous, "", 200 },
    };

    /// <summary>The endpoints whose anonymous call is meant to succeed.</summary>
    private static readonly HashSet<string> AnonymousEndpoints = [Live, Ready, OpenApi];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_endpoint_of_the_app_has_rows_in_the_matrix()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} {e.RoutePattern.RawText?.TrimEnd('/')}"))
            .ToHashSet();
        var cells = Matrix.Select(row => (row.Data.Item1, row.Data.Item2, row.Data.Item4)).ToList();

        var missing = endpoints.Where(e => !cells.Any(c => c.Item1 == e)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in the matrix: " + string.Join(", ", missing));
        Assert.All(cells.Select(c => c.Item1).Distinct(), e => Assert.Contains(e, endpoints));
        foreach (var endpoint in endpoints)
        {
            Assert.Contains(cells, c => c.Item1 == endpoint && c.Item2 == Anonymous);
            Assert.Contains(cells, c => c.Item1 == endpoint && c.Item3 is >= 200 and < 300);
            if (!AnonymousEndpoints.Contains(endpoint))
            {
                // Every role is tried, and every role allowed somewhere is also tried from a foreign tenant.
                foreach (var caller in new[] { Worker, Coordinator, Provider, Admin })
                {
                    Assert.Contains(cells, c => c.Item1 == endpoint && c.Item2 == caller);
                }

                var allowed = cells.Where(c => c.Item1 == endpoint && c.Item3 is >= 200 and < 300).Select(c => c.Item2).ToList();
                Assert.All(allowed.Where(Foreign.ContainsKey), caller =>
                    Assert.Contains(cells, c => c.Item1 == endpoint && c.Item2 == Foreign[caller]));
            }
        }
    }

    private static readonly Dictionary<string, string> Foreign = new()
    {
        [Worker] = ForeignWorker,
        [Coordinator] = ForeignCoordinator,
        [Provider] = ForeignProvider,
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Cell(string endpoint, string caller, string target, int expected)
    {
        var seed = await MatrixSeed.CreateAsync(api.Services, Cancel);
        var before = await StoreSnapshot.TakeAsync(api.ConnectionString, Cancel);
        using var client = api.CreateClient();
        using var request = Request(endpoint, target, seed);
        if (Callers[caller] is { } user)
        {
            request.As(user);
        }

        var response = await client.SendAsync(request, Cancel);

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected >= 400)
        {
            Assert.Equal(before, await StoreSnapshot.TakeAsync(api.ConnectionString, Cancel));
        }

        if (endpoint == Search && caller == ForeignWorker)
        {
            Assert.Empty((await response.Content.ReadFromJsonAsync<JsonArray>(Cancel))!);
            Assert.Equal(before, await StoreSnapshot.TakeAsync(api.ConnectionString, Cancel));
        }
    }

    private static HttpRequestMessage Request(string endpoint, string target, MatrixSeed seed)
    {
        var id = target switch
        {
            "placed" => seed.Placed,
            "foreign" => seed.Foreign,
            _ => seed.Offered,
        };
        return endpoint switch
        {
            Submit => Json(HttpMethod.Post, "/api/referrals", IntakeApiTests.ValidRequest()),
            List => new HttpRequestMessage(HttpMethod.Get, "/api/referrals" + target),
            Report => new HttpRequestMessage(HttpMethod.Get, "/api/referrals/report" + target),
            Get => new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{id}"),
            Withdraw => Json(HttpMethod.Post, $"/api/referrals/{id}/withdraw", new JsonObject { ["reason"] = "Family moved" }),
            Close => Json(HttpMethod.Post, $"/api/referrals/{id}/close", new JsonObject { ["outcome"] = "NeedMet" }),
            Search => Json(HttpMethod.Post, "/api/referrals/search", new JsonObject { ["personalCode"] = seed.PersonalCode }),
            Export => new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/clients/{seed.ClientId}/export"),
            Audit => new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/audit?referralId={seed.Offered}"),
            Live => new HttpRequestMessage(HttpMethod.Get, "/health/live"),
            Ready => new HttpRequestMessage(HttpMethod.Get, "/health/ready"),
            OpenApi => new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "No request for this endpoint."),
        };
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, JsonObject body) =>
        new(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
