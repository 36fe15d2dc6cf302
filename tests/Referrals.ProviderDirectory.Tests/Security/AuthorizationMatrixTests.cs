using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Referrals.ProviderDirectory.Hsds;
using Referrals.ProviderDirectory.Tests.Api;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;
using Xunit;
using Outcome = Referrals.Testing.AccessOutcome;

namespace Referrals.ProviderDirectory.Tests.Security;

/// <summary>
/// Every endpoint × every role × a foreign tenant: anonymous 401, a role not allowed 403, another provider's offer or
/// service and another municipality's referral 404 (a list filtered by another provider 403; an unfiltered list is
/// narrowed), and nothing stored changes for any refused attempt. One positive cell per endpoint keeps the matrix
/// honest. An endpoint without a row fails <see cref="Every_endpoint_has_a_row"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    private const string OwnProvider = "org-dgv-seniori";
    private const string OtherProvider = "org-rez-sac";
    private const string OwnService = "svc-dgv-seniori";

    private const string Anonymous = "anonymous";
    private const string SocialWorker = "social-worker LV-DGV";
    private const string ForeignSocialWorker = "social-worker LV-RIX (foreign)";
    private const string Coordinator = "coordinator Latgale";
    private const string ForeignCoordinator = "coordinator Riga (foreign)";
    private const string ProviderStaff = "provider-staff org-dgv-seniori";
    private const string ForeignProviderStaff = "provider-staff org-rez-sac (foreign)";
    private const string Administrator = "administrator";

    private static readonly Dictionary<string, DemoUser?> Callers = new()
    {
        [Anonymous] = null,
        [SocialWorker] = TestTokens.SocialWorker("LV-DGV", "sw-dgv"),
        [ForeignSocialWorker] = TestTokens.SocialWorker("LV-RIX", "sw-rix"),
        [Coordinator] = TestTokens.Coordinator("Latgale", "co-latgale"),
        [ForeignCoordinator] = TestTokens.Coordinator("Riga", "co-riga"),
        [ProviderStaff] = TestTokens.ProviderStaff(OwnProvider, "ps-dgv"),
        [ForeignProviderStaff] = TestTokens.ProviderStaff(OtherProvider, "ps-rez"),
        [Administrator] = TestTokens.Administrator("admin-1"),
    };

    /// <summary>Endpoints anyone may call without a token (the service's own health and API description).</summary>
    private static readonly string[] AnonymousEndpoints = ["* /health/live", "* /health/ready", "GET /openapi/{documentName}.json"];

    private sealed record Row(
        string Method, string Route, Func<Fixture, HttpRequestMessage> Request, Dictionary<string, Outcome> Outcomes, bool Writes = false);

    private static readonly Row[] Rows =
    [
        // HSDS: the public directory, for anyone signed in.
        new("GET", "/api/providers/", _ => Get("/api/providers/"), Everyone()),
        new("GET", "/api/providers/services", _ => Get("/api/providers/services"), Everyone()),
        new("GET", "/api/providers/services/{id}", _ => Get($"/api/providers/services/{OwnService}"), Everyone()),
        new("GET", "/api/providers/organizations", _ => Get("/api/providers/organizations"), Everyone()),
        new("GET", "/api/providers/organizations/{id}", _ => Get($"/api/providers/organizations/{OwnProvider}"), Everyone()),
        new("GET", "/api/providers/service_at_locations", _ => Get("/api/providers/service_at_locations"), Everyone()),
        new("GET", "/api/providers/taxonomies", _ => Get("/api/providers/taxonomies"), Everyone()),
        new("GET", "/api/providers/taxonomies/{id}",
            _ => Get($"/api/providers/taxonomies/{DirectoryTaxonomies.TaxonomyIdOf("service-type")}"), Everyone()),
        new("GET", "/api/providers/taxonomy_terms", _ => Get("/api/providers/taxonomy_terms"), Everyone()),
        new("GET", "/api/providers/taxonomy_terms/{id}",
            _ => Get($"/api/providers/taxonomy_terms/{DirectoryTaxonomies.TermIdOf("service-type", "day-care-centre")}"), Everyone()),

        // Administration of the directory.
        new("POST", "/api/providers/organizations", _ => Post("/api/providers/organizations", NewOrganisation("org-matrix-a")),
            Only(Roles.Administrator), Writes: true),
        new("POST", "/api/providers/admin/organizations", _ => Post("/api/providers/admin/organizations", NewOrganisation("org-matrix-b")),
            Only(Roles.Administrator), Writes: true),
        new("GET", "/api/providers/admin/organizations", _ => Get("/api/providers/admin/organizations"), Only(Roles.Administrator)),
        new("GET", "/api/providers/admin/organizations/{id}", _ => Get($"/api/providers/admin/organizations/{OwnProvider}"),
            Only(Roles.Administrator)),

        // Capacity: the provider's own services (administrators any); everyone who places reads it.
        new("PUT", "/api/providers/services/{serviceId}/capacity",
            _ => Send(HttpMethod.Put, $"/api/providers/services/{OwnService}/capacity", """{ "available": 7, "maximum": 20 }"""),
            Tenant(Outcome.NotFound, Roles.ProviderStaff, Roles.Administrator), Writes: true),
        new("GET", "/api/providers/services/{serviceId}/capacity", _ => Get($"/api/providers/services/{OwnService}/capacity"),
            ProviderTenant(Outcome.NotFound, Roles.ProviderStaff, Roles.Administrator, Roles.Coordinator, Roles.SocialWorker)),
        new("GET", "/api/providers/own-services", _ => Get("/api/providers/own-services"),
            Tenant(Outcome.Narrowed, Roles.ProviderStaff)),

        // Offers and placements.
        new("GET", "/api/providers/offers", _ => Get($"/api/providers/offers?providerId={OwnProvider}"),
            With(Tenant(Outcome.Narrowed, Roles.ProviderStaff, Roles.SocialWorker, Roles.Coordinator), (ForeignProviderStaff, Outcome.Forbidden))),
        new("GET", "/api/providers/offers/{offerId:guid}", f => Get($"/api/providers/offers/{f.AcceptOffer}"),
            Tenant(Outcome.NotFound, Roles.ProviderStaff, Roles.SocialWorker, Roles.Coordinator)),
        new("POST", "/api/providers/offers/{offerId:guid}/accept", f => Post($"/api/providers/offers/{f.AcceptOffer}/accept", null),
            Tenant(Outcome.NotFound, Roles.ProviderStaff), Writes: true),
        new("POST", "/api/providers/offers/{offerId:guid}/decline",
            f => Send(HttpMethod.Post, $"/api/providers/offers/{f.DeclineOffer}/decline", """{ "reason": "NoCapacity" }"""),
            Tenant(Outcome.NotFound, Roles.ProviderStaff), Writes: true),
        new("GET", "/api/providers/referrals/{referralId:guid}", f => Get($"/api/providers/referrals/{f.AcceptReferral}"),
            Tenant(Outcome.NotFound, Roles.SocialWorker, Roles.Coordinator)),
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

        // Earlier positive cells start work on the bus (a placement, a promotion): let it finish before comparing.
        var before = await fixture.SettledSnapshotAsync();
        using var response = await fixture.Client.SendAsync(request, Ct);
        fixture.Unsettled |= row.Writes && response.IsSuccessStatusCode;
        var body = await response.Content.ReadAsStringAsync(Ct);
        var after = await StoreSnapshot.TakeAsync(fixture.App.StoreConnectionString, Ct);

        switch (expected)
        {
            case Outcome.Allowed:
                Assert.True(response.IsSuccessStatusCode, $"{endpoint} as {caller}: {(int)response.StatusCode} {body}");
                if (row.Route == "/api/providers/offers")
                {
                    Assert.Contains(fixture.AcceptOffer.ToString(), body, StringComparison.Ordinal);
                }

                if (row.Route == "/api/providers/own-services")
                {
                    Assert.Contains($"\"{OwnService}\"", body, StringComparison.Ordinal);
                }

                if (row.Writes)
                {
                    return;
                }

                break;
            case Outcome.Narrowed:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(body).RootElement.ValueKind);
                Assert.DoesNotContain(fixture.AcceptOffer.ToString(), body, StringComparison.Ordinal);
                Assert.DoesNotContain(fixture.DeclineOffer.ToString(), body, StringComparison.Ordinal);
                Assert.DoesNotContain($"\"{OwnService}\"", body, StringComparison.Ordinal);
                break;
            case Outcome.Unauthorized:
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                break;
            case Outcome.Forbidden:
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                break;
            case Outcome.NotFound:
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain("\"status\":\"Pending\"", body, StringComparison.Ordinal);
                break;
        }

        // A refused attempt (and any read) leaves every row of every table as it was.
        Assert.Equal(before, after);
    }

    [Fact]
    public void Every_endpoint_has_a_row()
    {
        var endpoints = MappedEndpoints.Of(fixture.App.Services);

        var rows = Rows.Select(r => $"{r.Method} {r.Route}").ToHashSet();
        Assert.Empty(endpoints.Where(e => !e.Anonymous && !rows.Contains(e.Key)).Select(e => e.Key));
        Assert.Empty(endpoints.Where(e => e.Anonymous && !AnonymousEndpoints.Contains(e.Key)).Select(e => e.Key));
        Assert.Empty(rows.Except(endpoints.Select(e => e.Key)));
        Assert.All(Rows, r => Assert.Equal(Callers.Keys.Order(), r.Outcomes.Keys.Order()));
        Assert.All(Rows, r => Assert.Contains(Outcome.Allowed, r.Outcomes.Values));
    }

    [Fact]
    public async Task Provider_staff_without_a_filter_see_only_their_own_providers_offers()
    {
        using var request = Get("/api/providers/offers").As(Callers[ForeignProviderStaff]!);
        using var response = await fixture.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offers = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.All(offers.EnumerateArray(), o => Assert.Equal(OtherProvider, o.GetProperty("providerId").GetString()));
        Assert.DoesNotContain(fixture.AcceptOffer.ToString(), offers.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(ProviderDirectory.Offers.OfferView))]
    [InlineData(typeof(ProviderDirectory.Requests.PlacementRequestView))]
    [InlineData(typeof(ProviderDirectory.Requests.RankedCandidate))]
    [InlineData(typeof(ProviderDirectory.ProviderServices.CapacityView))]
    [InlineData(typeof(ProviderDirectory.ProviderServices.OwnServiceView))]
    public void Views_have_no_field_for_personal_data(Type view)
    {
        string[] personal = ["DateOfBirth", "Gender", "PersonalCode", "ShortCode", "Address", "Phone", "Contact", "ClientName", "FirstName", "LastName"];

        var names = view.GetProperties().Select(p => p.Name).ToList();

        Assert.DoesNotContain(names, n => personal.Any(p => n.Contains(p, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain("Name", names);
    }

    [Fact]
    public async Task An_offer_and_a_placement_request_as_served_carry_no_personal_data()
    {
        using var offerRequest = Get($"/api/providers/offers/{fixture.AcceptOffer}").As(Callers[ProviderStaff]!);
        using var placementRequest = Get($"/api/providers/referrals/{fixture.AcceptReferral}").As(Callers[SocialWorker]!);
        using var offer = await fixture.Client.SendAsync(offerRequest, Ct);
        using var placement = await fixture.Client.SendAsync(placementRequest, Ct);

        foreach (var response in new[] { offer, placement })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(Ct);

            // What DirectoryApp.SubmitEligibleAsync sends about the person: birth date 1948-03-14, gender, short code.
            Assert.DoesNotContain("1948", body, StringComparison.Ordinal);
            Assert.DoesNotContain("R-TEST01", body, StringComparison.Ordinal);
            Assert.DoesNotContain("dateOfBirth", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("gender", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, new Uri(url, UriKind.Relative));

    private static HttpRequestMessage Post(string url, object? body) =>
        new(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };

    private static HttpRequestMessage Send(HttpMethod method, string url, string json) =>
        new(method, new Uri(url, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static object NewOrganisation(string id) => new
    {
        id,
        name = $"Organizācija {id}",
        phone = "+37165400000",
        municipality = "LV-DGV",
        services = new[] { DirectoryApp.Service($"svc-{id}", available: 1) },
    };

    private static bool IsForeign(string caller) => caller.EndsWith("(foreign)", StringComparison.Ordinal);

    private static Dictionary<string, Outcome> Everyone() =>
        Callers.ToDictionary(c => c.Key, c => c.Value is null ? Outcome.Unauthorized : Outcome.Allowed);

    private static Dictionary<string, Outcome> Only(params string[] roles) =>
        Callers.ToDictionary(c => c.Key, c => c.Value switch
        {
            null => Outcome.Unauthorized,
            { } user when roles.Contains(user.Role) => Outcome.Allowed,
            _ => Outcome.Forbidden,
        });

    /// <summary>The roles act within their tenant; the same roles of another tenant get <paramref name="foreign"/>.</summary>
    private static Dictionary<string, Outcome> Tenant(Outcome foreign, params string[] roles) =>
        Callers.ToDictionary(c => c.Key, c => c.Value switch
        {
            null => Outcome.Unauthorized,
            { } user when roles.Contains(user.Role) => IsForeign(c.Key) ? foreign : Outcome.Allowed,
            _ => Outcome.Forbidden,
        });

    /// <summary>Only provider staff are bound to a tenant here (the capacity of a service is no municipality's secret).</summary>
    private static Dictionary<string, Outcome> ProviderTenant(Outcome foreign, params string[] roles) =>
        Callers.ToDictionary(c => c.Key, c => c.Value switch
        {
            null => Outcome.Unauthorized,
            { Role: Roles.ProviderStaff } when IsForeign(c.Key) => foreign,
            { } user when roles.Contains(user.Role) => Outcome.Allowed,
            _ => Outcome.Forbidden,
        });

    private static Dictionary<string, Outcome> With(Dictionary<string, Outcome> outcomes, (string Caller, Outcome Outcome) change)
    {
        outcomes[change.Caller] = change.Outcome;
        return outcomes;
    }

    /// <summary>
    /// Two Latgale providers and three Daugavpils referrals: one offered to <see cref="OwnProvider"/> for the accept
    /// cells, one for the decline cells, and one waiting in Riga (no Riga provider) so the foreign tenant is not empty.
    /// </summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public DirectoryApp App { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public Guid AcceptReferral { get; private set; }

        public Guid AcceptOffer { get; private set; }

        public Guid DeclineOffer { get; private set; }

        public async ValueTask InitializeAsync()
        {
            Client = App.CreateClient();
            using var admin = App.CreateClient().As(TestTokens.Administrator());
            using var socialWorker = App.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
            await App.PostOrganisationAsync(admin, OwnProvider, "LV-DGV", DirectoryApp.Service(OwnService, available: 5));
            await App.PostOrganisationAsync(admin, OtherProvider, "LV-REZ", DirectoryApp.Service("svc-rez-sac", available: 5));

            AcceptReferral = await App.SubmitEligibleAsync(preferredProviderId: OwnProvider);
            AcceptOffer = OfferIdOf(await DirectoryApp.PendingOfferAsync(socialWorker, AcceptReferral));
            var declineReferral = await App.SubmitEligibleAsync(preferredProviderId: OwnProvider);
            DeclineOffer = OfferIdOf(await DirectoryApp.PendingOfferAsync(socialWorker, declineReferral));
            var riga = await App.SubmitEligibleAsync(declared: "LV-RIX");
            using var rigaWorker = App.CreateClient().As(TestTokens.SocialWorker("LV-RIX"));
            await DirectoryApp.RequestInStatusAsync(rigaWorker, riga, "Waitlisted");
        }

        /// <summary>Set when a positive cell changed something: the bus may still be working on what it started.</summary>
        public bool Unsettled { get; set; } = true;

        /// <summary>The store, once it has not changed for a second after a positive change (nothing is still being consumed).</summary>
        public async Task<string> SettledSnapshotAsync()
        {
            var ct = TestContext.Current.CancellationToken;
            var previous = await StoreSnapshot.TakeAsync(App.StoreConnectionString, ct);
            if (!Unsettled)
            {
                return previous;
            }

            var stable = 0;
            for (var i = 0; i < 100 && stable < 5; i++)
            {
                await Task.Delay(200, ct);
                var current = await StoreSnapshot.TakeAsync(App.StoreConnectionString, ct);
                stable = current == previous ? stable + 1 : 0;
                previous = current;
            }

            Unsettled = false;
            return previous;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
        }

        private static Guid OfferIdOf(JsonElement offer) => offer.GetProperty("offerId").GetGuid();
    }
}
