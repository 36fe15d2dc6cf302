using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Intake;
using Referrals.Notification.Sending;
using Referrals.Testing;
using Xunit;

namespace Referrals.Notification.Tests.Api;

public sealed class ListNotificationsTests : IClassFixture<NotificationApiFactory>
{
    private readonly NotificationApiFactory _factory;

    public ListNotificationsTests(NotificationApiFactory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_the_SMS_of_a_referral_with_the_phone_masked()
    {
        using var client = _factory.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        var referralId = await SubmitAsync("+37120000001");

        var body = await PollAsync(client, referralId);

        var sms = Assert.Single(body.EnumerateArray());
        Assert.Equal($"{referralId}:1", sms.GetProperty("id").GetString());
        Assert.Equal(referralId, sms.GetProperty("referralId").GetGuid());
        Assert.Equal(1, sms.GetProperty("statusSequence").GetInt32());
        Assert.Equal("Submitted", sms.GetProperty("status").GetString());
        Assert.Equal("lv", sms.GetProperty("language").GetString());
        Assert.Equal("+371 2••• ••01", sms.GetProperty("to").GetString());
        Assert.Equal("Nosūtījums R-7K3F9Q sociālā pakalpojuma saņemšanai ir reģistrēts. Sīkāk — sociālajā dienestā.",
            sms.GetProperty("text").GetString());
        Assert.Equal("Ucs2", sms.GetProperty("encoding").GetString());
        Assert.Equal(2, sms.GetProperty("segments").GetInt32());
        Assert.Equal("Accepted", sms.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, sms.GetProperty("createdAt").ValueKind);
        Assert.Equal(["Created", "Sent", "Accepted"],
            sms.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("state").GetString()));
        Assert.All(sms.GetProperty("history").EnumerateArray(), h => h.GetProperty("at").GetDateTimeOffset());
        Assert.DoesNotContain("20000001", body.GetRawText(), StringComparison.Ordinal);

        var sender = _factory.Services.GetRequiredService<DevelopmentSmsSender>();
        Assert.Contains(sender.Sent, s => s.To == "+37120000001" && s.Text.Contains("R-7K3F9Q", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_coordinator_of_the_region_reads_them_too_with_the_phone_masked()
    {
        using var worker = _factory.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        using var coordinator = _factory.CreateClient().As(TestTokens.Coordinator("Latgale"));
        var referralId = await SubmitAsync("+37120000061");
        await PollAsync(worker, referralId);

        var response = await coordinator.GetAsync($"/api/notifications?referralId={referralId}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sms = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        Assert.Equal("+371 2••• ••61", sms.GetProperty("to").GetString());
        Assert.DoesNotContain("20000061", sms.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("social-worker", "LV-REZ")]
    [InlineData("social-worker", "LV-RIX")]
    [InlineData("coordinator", "Riga")]
    public async Task A_foreign_referral_is_not_found_as_if_it_did_not_exist(string role, string tenant)
    {
        using var owner = _factory.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));
        using var foreign = _factory.CreateClient().As(role == "coordinator" ? TestTokens.Coordinator(tenant) : TestTokens.SocialWorker(tenant));
        var referralId = await SubmitAsync("+37120000062");
        await PollAsync(owner, referralId);

        var response = await foreign.GetAsync($"/api/notifications?referralId={referralId}", Ct);
        var unknown = await foreign.GetAsync($"/api/notifications?referralId={Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("R-7K3F9Q", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_referral_is_not_found()
    {
        using var client = _factory.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));

        var response = await client.GetAsync($"/api/notifications?referralId={Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/notifications")]
    [InlineData("/api/notifications?referralId=")]
    [InlineData("/api/notifications?referralId=not-a-guid")]
    public async Task A_missing_or_malformed_referral_id_is_a_problem_naming_the_field(string url)
    {
        using var client = _factory.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));

        var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("referralId", out _));
    }

    [Fact]
    public async Task The_service_is_ready_when_its_store_answers()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<Guid> SubmitAsync(string phone)
    {
        var bus = _factory.Services.GetRequiredService<IBus>();
        var referralId = Guid.NewGuid();
        await bus.Publish(new ReferralSubmitted(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, "R-7K3F9Q", "LV-DGV",
            "LV-DGV", "day-care-centre", "elderly", new DateOnly(1950, 1, 2), "male", [], null,
            new FamilyContact(phone, "lv")), Ct);
        await bus.Publish(new ReferralStatusChanged(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, 1,
            ReferralStatus.Submitted, ReferralStatus.Submitted, "R-7K3F9Q", "day-care-centre", null, null, null), Ct);
        return referralId;
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, Guid referralId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await client.GetAsync($"/api/notifications?referralId={referralId}", Ct);
            if (response.StatusCode == HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                // The contact is not stored yet.
                await Task.Delay(50, Ct);
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var done = body.GetArrayLength() == 1 && body[0].GetProperty("state").GetString() == "Accepted";
            if (done || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(50, Ct);
        }
    }
}
