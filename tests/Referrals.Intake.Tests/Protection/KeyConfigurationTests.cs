using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Referrals.Intake.Protection;
using Referrals.Intake.Tests.Api;
using Referrals.Messaging;
using Referrals.ServiceDefaults;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Protection;

/// <summary>Where the keys come from: configuration, or the embedded default's key file; MongoDB needs configured keys.</summary>
public sealed class KeyConfigurationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MongoDB_store_without_keys_stops_the_service_at_start_with_a_clear_message()
    {
        var error = await StartupFailure.CaptureAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:IntakeStore"] = "mongodb://127.0.0.1:1/intake",
                ["Messaging:Transport"] = "InMemory",
                ["Identity:Mode"] = "Development",
            },
            builder =>
            {
                builder.AddServiceDefaults();
                builder.AddIntake();
                builder.AddMessaging();
            });

        var invalid = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("Intake:Protection:Keys", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("MongoDB", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embedded_store_creates_an_owner_only_key_file_once_and_reuses_it()
    {
        using var directory = new TempDirectory();
        Guid id;
        string keyFile = Path.Combine(directory.Path, ProtectionKeyFile.FileName);
        await using (var first = new IntakeApiFactory(directory, ownsDirectory: false, new Dictionary<string, string?>()))
        {
            id = await SubmitAsync(first.CreateClient().As(IntakeApiTests.Worker), IntakeApiTests.ValidRequest());
        }

        var keys = await File.ReadAllTextAsync(keyFile, Cancel);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        await using var second = new IntakeApiFactory(directory, ownsDirectory: false, new Dictionary<string, string?>());
        var referral = await second.CreateClient().As(IntakeApiTests.Worker).GetFromJsonAsync<JsonObject>($"/api/referrals/{id}", Cancel);

        Assert.Equal("161175-19997", referral!["client"]!["personalCode"]!.GetValue<string>());
        Assert.Equal(keys, await File.ReadAllTextAsync(keyFile, Cancel));
    }

    [Fact]
    public async Task After_adding_key_b_as_current_old_referrals_stay_readable_and_new_ones_use_b()
    {
        using var directory = new TempDirectory();
        var keyA = new Dictionary<string, string?>
        {
            ["Intake:Protection:Keys:a"] = TestProtection.KeyA,
            ["Intake:Protection:CurrentKeyId"] = "a",
            ["Intake:Protection:SearchKey"] = TestProtection.SearchKey,
        };
        Guid old;
        await using (var first = new IntakeApiFactory(directory, ownsDirectory: false, keyA))
        {
            old = await SubmitAsync(first.CreateClient().As(IntakeApiTests.Worker), IntakeApiTests.ValidRequest());
        }

        var keyB = new Dictionary<string, string?>(keyA)
        {
            ["Intake:Protection:Keys:b"] = TestProtection.KeyB,
            ["Intake:Protection:CurrentKeyId"] = "b",
        };
        await using var second = new IntakeApiFactory(directory, ownsDirectory: false, keyB);
        var client = second.CreateClient().As(IntakeApiTests.Worker);
        var fresh = await SubmitAsync(client, IntakeApiTests.ValidRequest());

        var read = await client.GetFromJsonAsync<JsonObject>($"/api/referrals/{old}", Cancel);
        Assert.Equal("161175-19997", read!["client"]!["personalCode"]!.GetValue<string>());
        Assert.Equal("+37120000001", read["family"]!["phone"]!.GetValue<string>());
        Assert.StartsWith("a:", ProtectedCode(second.ConnectionString, old), StringComparison.Ordinal);
        Assert.StartsWith("b:", ProtectedCode(second.ConnectionString, fresh), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, ProtectionKeyFile.FileName)));
        var search = await client.PostAsJsonAsync("/api/referrals/search", new { personalCode = "16117519997" }, Cancel);
        Assert.Equal(2, (await search.Content.ReadFromJsonAsync<JsonArray>(Cancel))!.Count);
    }

    private static string ProtectedCode(string connectionString, Guid id)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(body, '$.client.protectedPersonalCode') FROM referrals WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.ToString());
        return (string)command.ExecuteScalar()!;
    }

    private static async Task<Guid> SubmitAsync(HttpClient client, JsonObject request)
    {
        var response = await client.PostAsync("/api/referrals", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
    }
}
