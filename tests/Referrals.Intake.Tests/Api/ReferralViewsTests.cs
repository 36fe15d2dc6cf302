using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Intake.Tests.Security;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Api;

/// <summary>How much of a referral each reader sees: coordinators and offered providers never see personal data.</summary>
public sealed class ReferralViewsTests(IntakeApiFactory api) : IClassFixture<IntakeApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coordinator_sees_the_referral_without_personal_data()
    {
        var seed = await MatrixSeed.CreateAsync(api.Services, Cancel);
        using var client = api.CreateClient().As(TestTokens.Coordinator("Latgale"));

        var (view, text) = await ReadAsync(client, seed.Offered);

        Assert.Equal("WithoutPersonalData", view["disclosure"]!.GetValue<string>());
        AssertNoPersonalData(view, text, seed.PersonalCode);
        Assert.NotEmpty(view["timeline"]!.AsArray());
        Assert.NotNull(view["consent"]);
    }

    [Fact]
    public async Task Offered_provider_sees_the_minimum_and_after_accepting_everything()
    {
        var seed = await MatrixSeed.CreateAsync(api.Services, Cancel);
        using var client = api.CreateClient().As(TestTokens.ProviderStaff(MatrixSeed.Provider));

        var (minimum, text) = await ReadAsync(client, seed.Offered);
        var (full, _) = await ReadAsync(client, seed.Placed);

        Assert.Equal("Minimum", minimum["disclosure"]!.GetValue<string>());
        AssertNoPersonalData(minimum, text, seed.PersonalCode);
        Assert.Empty(minimum["timeline"]!.AsArray());
        Assert.Null(minimum["consent"]);
        Assert.Equal(("day-care-centre", "1975-11-16"), (minimum["serviceType"]!.GetValue<string>(), minimum["client"]!["dateOfBirth"]!.GetValue<string>()));
        Assert.Equal("Full", full["disclosure"]!.GetValue<string>());
        Assert.Equal(seed.PersonalCode, full["client"]!["personalCode"]!.GetValue<string>());
        Assert.Equal("+37120000001", full["family"]!["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Coordinator_lists_the_region_only()
    {
        var seed = await MatrixSeed.CreateAsync(api.Services, Cancel);
        using var client = api.CreateClient().As(TestTokens.Coordinator("Latgale"));

        var list = await client.GetFromJsonAsync<JsonArray>("/api/referrals", Cancel);

        var ids = list!.Select(r => r!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(seed.Offered, ids);
        Assert.Contains(seed.Placed, ids);
        Assert.DoesNotContain(seed.Foreign, ids);
    }

    private static void AssertNoPersonalData(JsonObject view, string text, string personalCode)
    {
        var client = view["client"]!.AsObject();
        Assert.Null(client["givenName"]);
        Assert.Null(client["familyName"]);
        Assert.Null(client["personalCode"]);
        Assert.Null(client["address"]);
        Assert.Null(view["family"]!["phone"]);
        foreach (var secret in new[] { "Anna", "Berzi", "B\\u0113rzi", "iela 1", personalCode, "37120000001" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private static async Task<(JsonObject View, string Text)> ReadAsync(HttpClient client, Guid id)
    {
        var text = await client.GetStringAsync($"/api/referrals/{id}", Cancel);
        return (JsonNode.Parse(text)!.AsObject(), text);
    }
}
