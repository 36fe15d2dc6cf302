using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Intake;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Store;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Api;

/// <summary>The HTTP API as API.md agrees it, against the real host (SQLite, in-memory bus), as a Daugavpils social worker.</summary>
public sealed class IntakeApiTests(IntakeApiFactory api) : IClassFixture<IntakeApiFactory>
{
    public static readonly DemoUser Worker = TestTokens.SocialWorker("LV-DGV", "sw-daugavpils-1");

    private readonly HttpClient _client = api.CreateClient().As(Worker);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static JsonObject ValidRequest() => new()
    {
        ["municipality"] = "LV-DGV",
        ["serviceType"] = "day-care-centre",
        ["clientGroup"] = "elderly",
        ["documents"] = new JsonArray("application", "id-document"),
        ["preferredProviderId"] = null,
        ["client"] = new JsonObject
        {
            ["givenName"] = "Anna",
            ["familyName"] = "Bērziņa",
            ["personalCode"] = "161175-19997",
            ["dateOfBirth"] = "1975-11-16",
            ["gender"] = "female",
            ["address"] = "Rīgas iela 1, Daugavpils, LV-5401",
            ["declaredMunicipality"] = "LV-DGV",
        },
        ["family"] = new JsonObject
        {
            ["phone"] = "20000001",
            ["preferredLanguage"] = "lv",
            ["smsConsent"] = true,
        },
        ["consent"] = new JsonObject
        {
            ["givenBy"] = "person",
            ["givenOn"] = "2026-01-15",
            ["purposes"] = new JsonArray("referral-processing", "sms-updates"),
        },
    };

    [Fact]
    public async Task Without_a_token_every_endpoint_is_401()
    {
        using var anonymous = api.CreateClient();

        var post = await anonymous.PostAsync("/api/referrals", new StringContent(ValidRequest().ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
        var list = await anonymous.GetAsync("/api/referrals", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }

    [Fact]
    public async Task Submitting_for_another_municipality_is_403_naming_municipality_and_stores_nothing()
    {
        var request = ValidRequest();
        request["municipality"] = "LV-REZ";
        var before = await CountAsync();

        var response = await PostAsync(request.ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject().ContainsKey("municipality"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Consent_is_stored_and_shown_with_who_recorded_it()
    {
        var id = await SubmitAsync();

        var referral = await _client.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}", Cancel);

        var consent = referral!["consent"]!.AsObject();
        Assert.Equal(("person", "2026-01-15", "sw-daugavpils-1"),
            (consent["givenBy"]!.GetValue<string>(), consent["givenOn"]!.GetValue<string>(), consent["recordedBy"]!.GetValue<string>()));
        Assert.Equal(["referral-processing", "sms-updates"], consent["purposes"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("Full", referral["disclosure"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_answers_201_with_Location_and_the_referral_can_be_read_back()
    {
        var response = await PostAsync(ValidRequest().ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        var id = created!["id"]!.GetValue<Guid>();
        Assert.Matches("^R-[234679ACDEFGHJKMNPQRTUVWXYZ]{6}$", created["shortCode"]!.GetValue<string>());
        Assert.Equal("Submitted", created["status"]!.GetValue<string>());
        Assert.Equal($"/api/referrals/{id}", response.Headers.Location?.OriginalString);

        var referral = await _client.GetFromJsonAsync<JsonObject>(response.Headers.Location, Cancel);
        Assert.Equal("Submitted", referral!["status"]!.GetValue<string>());
        Assert.Equal("+37120000001", referral["family"]!["phone"]!.GetValue<string>());
        Assert.Equal("161175-19997", referral["client"]!["personalCode"]!.GetValue<string>());
        Assert.Equal("1975-11-16", referral["client"]!["dateOfBirth"]!.GetValue<string>());
        var line = Assert.Single(referral["timeline"]!.AsArray());
        Assert.Equal("ReferralSubmitted", line!["event"]!.GetValue<string>());
        Assert.Null(referral["eligibility"]);
    }

    [Fact]
    public async Task Submit_publishes_ReferralSubmitted_and_status_change_1_without_personal_data()
    {
        var submitted = new System.Collections.Concurrent.ConcurrentQueue<ReferralSubmitted>();
        var changes = new System.Collections.Concurrent.ConcurrentQueue<ReferralStatusChanged>();
        var bus = api.Services.GetRequiredService<IBus>();
        var capture = bus.ConnectReceiveEndpoint("intake-tests-capture-" + Guid.NewGuid().ToString("N"), endpoint =>
        {
            endpoint.Handler<ReferralSubmitted>(context =>
            {
                submitted.Enqueue(context.Message);
                return Task.CompletedTask;
            });
            endpoint.Handler<ReferralStatusChanged>(context =>
            {
                changes.Enqueue(context.Message);
                return Task.CompletedTask;
            });
        });
        await capture.Ready.WaitAsync(Cancel);
        try
        {
            var request = ValidRequest();
            request["referredBy"] = "orphans-court";
            request["consentGivenBy"] = new JsonArray("legal-representative");
            request["careLevel"] = "ii";
            request["diagnosisCodes"] = new JsonArray("f43.1");
            request["documentsCompleteOn"] = "2026-11-02";
            var id = await SubmitAsync(request);

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!(submitted.Any(m => m.ReferralId == id) && changes.Any(m => m.ReferralId == id)))
            {
                Assert.True(DateTime.UtcNow < deadline, "events were not published");
                await Task.Delay(20, Cancel);
            }

            var message = submitted.Single(m => m.ReferralId == id);
            Assert.Equal(("LV-DGV", "LV-DGV", "elderly"), (message.MunicipalityCode, message.DeclaredMunicipalityCode, message.ClientGroup));
            Assert.Equal(new FamilyContact("+37120000001", "lv"), message.Contact);
            Assert.Equal("sw-daugavpils-1", message.Actor);
            Assert.Equal("sw-daugavpils-1", (await _client.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}", Cancel))!["timeline"]![0]!["actor"]!.GetValue<string>());
            Assert.Equal(("orphans-court", "II", new DateOnly(2026, 11, 2)), (message.ReferredBy, message.CareLevel, message.DocumentsCompleteOn));
            Assert.Equal(["legal-representative"], message.ConsentGivenBy!);
            Assert.Equal(["F43.1"], message.DiagnosisCodes!);
            var read = await _client.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}", Cancel);
            Assert.Equal("orphans-court", read!["facts"]!["referredBy"]!.GetValue<string>());
            var change = changes.Single(m => m.ReferralId == id);
            Assert.Equal((1, ReferralStatus.Submitted, ReferralStatus.Submitted), (change.Sequence, change.From, change.To));
            var stored = await api.Services.GetRequiredService<IReferralStore>().FindAsync(id, Cancel);
            Assert.Empty(stored!.Outbox);
        }
        finally
        {
            await capture.ReceiveEndpoint.Stop(Cancel);
        }
    }

    [Theory]
    [InlineData("{\"municipality\": \"LV-DGV\", \"serviceType\": ", "serviceType")]
    [InlineData("{\"municipality\": 5}", "municipality")]
    [InlineData("not json at all", "body")]
    [InlineData("", "body")]
    public async Task Malformed_JSON_is_a_400_naming_the_field(string body, string field)
    {
        var problem = await BadRequestAsync(body);

        Assert.True(problem.ContainsKey(field), $"errors: {string.Join(", ", problem.Select(e => e.Key))}");
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { """{"documents": "application"}""", "documents" },
        { """{"referredBy": "neighbour"}""", "referredBy" },
        { """{"consentGivenBy": ["person", "aunt"]}""", "consentGivenBy[1]" },
        { """{"diagnosisCodes": ["headache"]}""", "diagnosisCodes[0]" },
        { """{"client": {"dateOfBirth": "16.11.1975"}}""", "client.dateOfBirth" },
        { """{"family": {"smsConsent": "yes"}}""", "family.smsConsent" },
        { """{"client": {"personalCode": "161175-19998"}}""", "client.personalCode" },
        { """{"client": {"personalCode": "310475-12345"}}""", "client.personalCode" },
        { """{"client": {"personalCode": "321234-56789"}}""", null! },
        { """{"client": {"personalCode": "150705-23459"}}""", "client.dateOfBirth" },
        { """{"municipality": "LV-XXX"}""", "municipality" },
        { """{"client": {"declaredMunicipality": "Daugavpils"}}""", "client.declaredMunicipality" },
        { """{"serviceType": "spa-weekend"}""", "serviceType" },
        { """{"clientGroup": "everyone"}""", "clientGroup" },
        { """{"documents": ["application", "passport"]}""", "documents[1]" },
        { """{"family": {"phone": "67000000"}}""", "family.phone" },
        { """{"family": {"phone": "", "smsConsent": true}}""", "family.phone" },
        { """{"family": {"preferredLanguage": "de"}}""", "family.preferredLanguage" },
        { """{"client": {"gender": "other"}}""", "client.gender" },
        { """{"client": {"dateOfBirth": "2999-01-01", "personalCode": "321234-56789"}}""", "client.dateOfBirth" },
        { """{"client": {"givenName": null}}""", "client.givenName" },
        { """{"client": null}""", "client" },
        { """{"consent": null}""", "consent" },
        { """{"consent": {"givenBy": "neighbour"}}""", "consent.givenBy" },
        { """{"consent": {"givenOn": "2999-01-01"}}""", "consent.givenOn" },
        { """{"consent": {"givenOn": "15.01.2026"}}""", "consent.givenOn" },
        { """{"consent": {"purposes": ["sms-updates"]}}""", "consent.purposes" },
        { """{"consent": {"purposes": ["referral-processing"]}}""", "consent.purposes" },
        { """{"consent": {"purposes": ["marketing", "referral-processing", "sms-updates"]}}""", "consent.purposes[0]" },
        { """{"consent": {"purposes": ["referral-processing"]}, "family": {"smsConsent": false}}""", null! },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_400_naming_the_field_and_stores_nothing(string patch, string? field)
    {
        var request = Merge(ValidRequest(), JsonNode.Parse(patch)!.AsObject());
        var before = await CountAsync();

        var response = await PostAsync(request.ToJsonString());

        if (field is null)
        {
            // The control rows: the patch alone is valid (a new-format code has no birth date to compare; no SMS, no sms-updates).
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors: {string.Join(", ", errors.Select(e => e.Key))}");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Landline_is_refused_with_a_clear_message()
    {
        var request = ValidRequest();
        request["family"]!["phone"] = "+371 67 000 000";

        var errors = await BadRequestAsync(request.ToJsonString());

        Assert.Contains("landline", errors["family.phone"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_idempotency_key_and_body_returns_the_original_201_and_a_different_body_409()
    {
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync();

        var first = await PostAsync(ValidRequest().ToJsonString(), key);
        var again = await PostAsync(ValidRequest().ToJsonString(indented()), key);
        var changed = ValidRequest();
        changed["serviceType"] = "home-care";
        var conflict = await PostAsync(changed.ToJsonString(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
        var againId = (await again.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
        Assert.Equal(firstId, againId);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before + 1, await CountAsync());

        static JsonSerializerOptions indented() => new() { WriteIndented = true };
    }

    [Fact]
    public async Task Unknown_referral_is_404_problem()
    {
        var id = Guid.NewGuid();

        var get = await _client.GetAsync($"/api/referrals/{id}", Cancel);
        var withdraw = await _client.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { reason = "x" }, Cancel);
        var close = await _client.PostAsJsonAsync($"/api/referrals/{id}/close", new { outcome = "NeedMet" }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
    }

    [Fact]
    public async Task Withdraw_answers_the_referral_and_a_second_withdraw_is_409()
    {
        var id = await SubmitAsync();

        var first = await _client.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { reason = "Family moved" }, Cancel);
        var second = await _client.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { reason = "Again" }, Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        Assert.Equal("Withdrawn", body!["status"]!.GetValue<string>());
        Assert.Equal("Family moved", body["timeline"]!.AsArray()[^1]!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Withdraw_without_a_reason_or_with_malformed_JSON_is_400()
    {
        var id = await SubmitAsync();

        var missing = await _client.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { }, Cancel);
        var malformed = await _client.PostAsync($"/api/referrals/{id}/withdraw",
            new StringContent("{\"reason\": 7}", Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject().ContainsKey("reason"));
        Assert.Equal("Submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task Close_when_not_placed_is_409_and_unknown_outcome_400()
    {
        var id = await SubmitAsync();

        var notPlaced = await _client.PostAsJsonAsync($"/api/referrals/{id}/close", new { outcome = "NeedMet" }, Cancel);
        var unknown = await _client.PostAsJsonAsync($"/api/referrals/{id}/close", new { outcome = "Happy" }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, notPlaced.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject().ContainsKey("outcome"));
        Assert.Equal("Submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task Placed_by_the_directory_then_closed_then_not_withdrawable()
    {
        var id = await SubmitAsync();
        var bus = api.Services.GetRequiredService<IBus>();

        var offerId = Guid.NewGuid();
        await bus.Publish(new PlacementOffered(Guid.NewGuid(), id, DateTimeOffset.UtcNow, 1, offerId, "org-dgv-dac", "Daugavpils DAC",
            "svc-dgv-dac", 1, ["closest"]), Cancel);
        await WaitForStatusAsync(id, "Offered");
        await bus.Publish(new PlacementAccepted(Guid.NewGuid(), id, DateTimeOffset.UtcNow, "provider-7", 1, offerId,
            "org-dgv-dac", "Daugavpils DAC", "+37165400000", "svc-dgv-dac"), Cancel);
        await WaitForStatusAsync(id, "Placed");

        var placed = await _client.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}", Cancel);
        Assert.Equal("Daugavpils DAC", placed!["placement"]!["providerName"]!.GetValue<string>());
        var withdraw = await _client.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { reason = "late" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);

        var close = await _client.PostAsJsonAsync($"/api/referrals/{id}/close", new { outcome = "needMet", note = "Done" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var closed = await close.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        Assert.Equal(("Closed", "NeedMet"), (closed!["status"]!.GetValue<string>(), closed["outcome"]!.GetValue<string>()));
        var again = await _client.PostAsJsonAsync($"/api/referrals/{id}/close", new { outcome = "NeedMet" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_municipality_and_status_without_personal_data()
    {
        using var ventspils = api.CreateClient().As(TestTokens.SocialWorker("LV-VEN", "sw-ventspils-1"));
        var request = ValidRequest();
        request["municipality"] = "LV-VEN";
        var response = await ventspils.PostAsync("/api/referrals", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();

        var submitted = await ventspils.GetFromJsonAsync<JsonArray>("/api/referrals?municipality=LV-VEN&status=Submitted", Cancel);
        var offered = await ventspils.GetFromJsonAsync<JsonArray>("/api/referrals?municipality=LV-VEN&status=Offered", Cancel);
        var unfiltered = await ventspils.GetFromJsonAsync<JsonArray>("/api/referrals", Cancel);
        var badStatus = await ventspils.GetAsync("/api/referrals?status=Happy", Cancel);

        var row = Assert.Single(submitted!, r => r!["id"]!.GetValue<Guid>() == id)!.AsObject();
        Assert.Equal("LV-VEN", row["municipality"]!.GetValue<string>());
        Assert.False(row.ContainsKey("client"));
        Assert.DoesNotContain(offered!, r => r!["id"]!.GetValue<Guid>() == id);
        Assert.All(unfiltered!, r => Assert.Equal("LV-VEN", r!["municipality"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task OpenAPI_document_describes_the_referral_endpoints()
    {
        var document = await _client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Cancel);

        var paths = document!["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/referrals"));
        Assert.True(paths.ContainsKey("/api/referrals/{id}/withdraw"));
        Assert.NotNull(paths["/api/referrals"]!["post"]!["requestBody"]);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await _client.SendAsync(request, Cancel);
    }

    private async Task<JsonObject> BadRequestAsync(string body)
    {
        var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        return problem!["errors"]!.AsObject();
    }

    private async Task<Guid> SubmitAsync(JsonObject? request = null)
    {
        var response = await PostAsync((request ?? ValidRequest()).ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
    }

    private async Task<string> StatusAsync(Guid id) =>
        (await _client.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}", Cancel))!["status"]!.GetValue<string>();

    private async Task WaitForStatusAsync(Guid id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await StatusAsync(id) != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"referral did not become {status}");
            await Task.Delay(50, Cancel);
        }
    }

    private async Task<int> CountAsync() =>
        (await _client.GetFromJsonAsync<JsonArray>("/api/referrals", Cancel))!.Count;

    private static JsonObject Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }

        return target;
    }
}
