using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Api;

/// <summary>Personal codes and phones encrypted at rest, search by keyed hash, the data-subject export.</summary>
public sealed class PersonalDataTests(IntakeApiFactory api) : IClassFixture<IntakeApiFactory>
{
    private readonly HttpClient _client = api.CreateClient().As(IntakeApiTests.Worker);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_raw_SQLite_row_holds_neither_the_personal_code_nor_the_phone()
    {
        var id = await SubmitAsync(IntakeApiTests.ValidRequest());

        var row = RawRow(id);

        Assert.Contains("LV-DGV", row, StringComparison.Ordinal); // the row was found and is readable
        foreach (var secret in new[] { "161175-19997", "16117519997", "161175", "+37120000001", "37120000001", "20000001" })
        {
            Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_by_personal_code_finds_the_persons_referrals_of_the_own_municipality_only()
    {
        var code = NewCode();
        var first = await SubmitAsync(Request(code));
        var second = await SubmitAsync(Request(code.Replace("-", "", StringComparison.Ordinal)));
        await SubmitAsync(Request(NewCode()));

        var found = await SearchAsync(_client, code.Replace("-", "", StringComparison.Ordinal));
        using var rezekne = api.CreateClient().As(TestTokens.SocialWorker("LV-REZ", "sw-rezekne-1"));
        var elsewhere = await SearchAsync(rezekne, code);
        var invalid = await _client.PostAsJsonAsync("/api/referrals/search", new { personalCode = "12345" }, Cancel);

        Assert.Equal([second, first], found.Select(r => r!["id"]!.GetValue<Guid>()));
        Assert.All(found, r => Assert.False(r!.AsObject().ContainsKey("client")));
        Assert.Empty(elsewhere);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!.AsObject().ContainsKey("personalCode"));
    }

    [Fact]
    public async Task A_person_keeps_one_client_id_and_the_export_gathers_all_their_referrals_with_all_data()
    {
        var code = NewCode();
        var first = await SubmitAsync(Request(code));
        var second = await SubmitAsync(Request(code));
        var clientId = (await GetAsync(first))["client"]!["clientId"]!.GetValue<Guid>();
        Assert.Equal(clientId, (await GetAsync(second))["client"]!["clientId"]!.GetValue<Guid>());
        await _client.PostAsJsonAsync($"/api/referrals/{first}/withdraw", new { reason = "Family moved" }, Cancel);

        var export = await _client.GetFromJsonAsync<JsonObject>($"/api/referrals/clients/{clientId}/export", Cancel);
        using var rezekne = api.CreateClient().As(TestTokens.SocialWorker("LV-REZ", "sw-rezekne-1"));
        var foreign = await rezekne.GetAsync($"/api/referrals/clients/{clientId}/export", Cancel);

        Assert.Equal(clientId, export!["clientId"]!.GetValue<Guid>());
        var referrals = export["referrals"]!.AsArray();
        Assert.Equal([second, first], referrals.Select(r => r!["referral"]!["id"]!.GetValue<Guid>()));
        Assert.All(referrals, r =>
        {
            Assert.Equal(code, r!["referral"]!["client"]!["personalCode"]!.GetValue<string>());
            Assert.Equal("+37120000001", r["referral"]!["family"]!["phone"]!.GetValue<string>());
            Assert.Equal("person", r["referral"]!["consent"]!["givenBy"]!.GetValue<string>());
        });
        Assert.Equal("Family moved", referrals[1]!["withdrawReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    /// <summary>A new-format personal code (no check digit), unique per call.</summary>
    private static string NewCode() => $"32{Random.Shared.Next(0, 10_000):D4}-{Random.Shared.Next(0, 100_000):D5}";

    private static JsonObject Request(string code)
    {
        var request = IntakeApiTests.ValidRequest();
        request["client"]!["personalCode"] = code;
        return request;
    }

    private async Task<JsonObject> GetAsync(Guid id) =>
        (await _client.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}", Cancel))!;

    private static async Task<JsonArray> SearchAsync(HttpClient client, string code)
    {
        var response = await client.PostAsJsonAsync("/api/referrals/search", new { personalCode = code }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>(Cancel))!;
    }

    private async Task<Guid> SubmitAsync(JsonObject request)
    {
        var response = await _client.PostAsync("/api/referrals", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
    }

    private string RawRow(Guid id)
    {
        using var connection = new SqliteConnection(api.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM referrals WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.ToString());
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
