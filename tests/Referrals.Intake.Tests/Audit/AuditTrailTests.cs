using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Audit;
using Referrals.Intake.Tests.Api;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Audit;

/// <summary>The audit trail through the API: what is recorded, by whom, who may read it, and that it cannot be changed.</summary>
public sealed class AuditTrailTests(IntakeApiFactory api) : IClassFixture<IntakeApiFactory>
{
    private const string ProviderUser = "demo-ps-dgv-seniori";

    private readonly HttpClient _worker = api.CreateClient().As(IntakeApiTests.Worker);
    private readonly HttpClient _admin = api.CreateClient().As(TestTokens.Administrator("admin-1"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_referrals_flow_is_recorded_newest_first_with_the_right_actors()
    {
        var id = await SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, (await _worker.GetAsync($"/api/referrals/{id}", Cancel)).StatusCode);
        var bus = api.Services.GetRequiredService<IBus>();
        var offerId = Guid.NewGuid();
        await bus.Publish(new PlacementOffered(Guid.NewGuid(), id, DateTimeOffset.UtcNow, 1, offerId, "org-dgv-seniori", "Seniori", "svc-1", 1, ["closest"]), Cancel);
        await WaitForAuditAsync(id, 3);
        await bus.Publish(new PlacementDeclined(Guid.NewGuid(), id, DateTimeOffset.UtcNow, ProviderUser, 1, offerId, "org-dgv-seniori",
            DeclineReason.NoCapacity, null), Cancel);
        await WaitForAuditAsync(id, 4);
        var withdraw = await _worker.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { reason = "Family moved" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);

        var entries = await AuditAsync($"referralId={id}");

        Assert.Equal(
            [
                (AuditActions.Withdrawn, "sw-daugavpils-1", "social-worker"),
                (AuditActions.StatusChanged, ProviderUser, "provider-staff"),
                (AuditActions.StatusChanged, "system", "system"),
                (AuditActions.Read, "sw-daugavpils-1", "social-worker"),
                (AuditActions.Submitted, "sw-daugavpils-1", "social-worker"),
            ],
            entries.Select(e => (e!["action"]!.GetValue<string>(), e["actorId"]!.GetValue<string>(), e["actorRole"]!.GetValue<string>())));
        Assert.Contains("Offered->Matching", entries[1]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("view=Full", entries[3]!["detail"]!.GetValue<string>());
        var byProvider = await AuditAsync($"actorId={ProviderUser}&referralId={id}");
        Assert.Single(byProvider);
        var text = entries.ToJsonString();
        Assert.DoesNotContain("Bērziņa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("161175", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Family moved", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_acceptance_is_recorded_with_the_provider_user_and_the_close_with_the_worker()
    {
        var id = await SubmitAsync();
        var bus = api.Services.GetRequiredService<IBus>();
        var offerId = Guid.NewGuid();
        await bus.Publish(new PlacementOffered(Guid.NewGuid(), id, DateTimeOffset.UtcNow, 1, offerId, "org-dgv-seniori", "Seniori", "svc-1", 1, ["closest"]), Cancel);
        await WaitForAuditAsync(id, 2);
        await bus.Publish(new PlacementAccepted(Guid.NewGuid(), id, DateTimeOffset.UtcNow, ProviderUser, 1, offerId, "org-dgv-seniori",
            "Seniori", null, "svc-1"), Cancel);
        await WaitForAuditAsync(id, 3);
        var close = await _worker.PostAsJsonAsync($"/api/referrals/{id}/close", new { outcome = "NeedMet" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);

        var entries = await AuditAsync($"referralId={id}");

        Assert.Equal(
            [
                (AuditActions.Closed, "sw-daugavpils-1"),
                (AuditActions.StatusChanged, ProviderUser),
                (AuditActions.StatusChanged, "system"),
                (AuditActions.Submitted, "sw-daugavpils-1"),
            ],
            entries.Select(e => (e!["action"]!.GetValue<string>(), e["actorId"]!.GetValue<string>())));
        Assert.Contains("Offered->Placed", entries[1]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_filters_by_time_and_limits_and_refuses_bad_filters()
    {
        var id = await SubmitAsync();
        await _worker.GetAsync($"/api/referrals/{id}", Cancel);
        var all = await AuditAsync($"referralId={id}");
        var newest = all[0]!["at"]!.GetValue<DateTimeOffset>();

        var limited = await AuditAsync($"referralId={id}&limit=1");
        var before = await AuditAsync($"referralId={id}&to={Uri.EscapeDataString(newest.ToString("O"))}");
        var future = await AuditAsync($"referralId={id}&from={Uri.EscapeDataString(newest.AddMinutes(1).ToString("O"))}");
        var bad = await _admin.GetAsync("/api/referrals/audit?from=yesterday&limit=0", Cancel);

        Assert.Equal(2, all.Count);
        Assert.Equal(all[0]!["id"]!.GetValue<string>(), Assert.Single(limited)!["id"]!.GetValue<string>());
        Assert.Equal(all[1]!["id"]!.GetValue<string>(), Assert.Single(before)!["id"]!.GetValue<string>());
        Assert.Empty(future);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("from") && errors.ContainsKey("limit"));
    }

    [Fact]
    public async Task The_SQLite_audit_table_refuses_UPDATE_and_DELETE()
    {
        await SubmitAsync();
        await using var connection = new SqliteConnection(api.ConnectionString);
        await connection.OpenAsync(Cancel);
        var before = await CountAsync(connection);

        var update = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, "UPDATE audit SET actor_id = 'someone-else'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, "DELETE FROM audit"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.True(before > 0);
        Assert.Equal(before, await CountAsync(connection));
        Assert.Empty(await AuditAsync("actorId=someone-else"));
    }

    [Fact]
    public async Task No_audit_line_no_data_a_failing_trail_stops_the_read()
    {
        var id = await SubmitAsync();
        await using var failing = api.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IAuditTrail, FailingTrail>()));
        var client = failing.CreateClient().As(IntakeApiTests.Worker);

        var response = await client.GetAsync($"/api/referrals/{id}", Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("161175", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", body, StringComparison.Ordinal);
    }

    private async Task<Guid> SubmitAsync()
    {
        var response = await _worker.PostAsync("/api/referrals",
            new StringContent(IntakeApiTests.ValidRequest().ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
    }

    private async Task<JsonArray> AuditAsync(string query)
    {
        var response = await _admin.GetAsync($"/api/referrals/audit?{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>(Cancel))!;
    }

    private async Task WaitForAuditAsync(Guid id, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await AuditAsync($"referralId={id}")).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the event was not audited");
            await Task.Delay(50, Cancel);
        }
    }

    private static async Task<long> CountAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit";
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private sealed class FailingTrail : IAuditTrail
    {
        public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The audit store is down.");

        public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The audit store is down.");
    }
}
