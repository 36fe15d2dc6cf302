using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Notification.Store;
using Xunit;

namespace Referrals.Notification.Tests.Api;

public sealed class StatusLinkApiFactory : NotificationApiFactory
{
    public const string BaseUrl = "https://soc.example.lv/s";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notification:StatusLinkBaseUrl", BaseUrl);
    }
}

public sealed class PublicStatusTests : IClassFixture<StatusLinkApiFactory>
{
    private readonly StatusLinkApiFactory _factory;

    public PublicStatusTests(StatusLinkApiFactory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_SMS_link_opens_the_status_and_provider_contact_only_until_the_referral_is_final()
    {
        using var client = _factory.CreateClient();
        var bus = _factory.Services.GetRequiredService<IBus>();
        var store = _factory.Services.GetRequiredService<INotificationStore>();
        var referralId = Guid.NewGuid();
        await bus.Publish(new ReferralSubmitted(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, "R-7K3F9Q", "LV-DGV",
            "LV-DGV", "day-care-centre", "elderly", new DateOnly(1950, 1, 2), "male", [], null,
            new FamilyContact("+37120000041", "lv")), Ct);
        await bus.Publish(Change(referralId, 2, ReferralStatus.Placed, new ProviderContact("org-dgv-dac", "Daugavpils dienas aprūpes centrs", "+37165400000")), Ct);
        var sms = await WaitAsync(async () => (await store.ListMessagesAsync(referralId, Ct)).SingleOrDefault(m => m.State == SmsState.Accepted));

        var link = sms.Text.Split(' ')[^1];
        Assert.StartsWith(StatusLinkApiFactory.BaseUrl + "/", link, StringComparison.Ordinal);
        var token = link[(StatusLinkApiFactory.BaseUrl.Length + 1)..];

        var open = await client.GetAsync($"/api/notifications/status/{token}", Ct);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var body = await open.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Placed", body.GetProperty("status").GetString());
        Assert.Equal("Vieta piešķirta", body.GetProperty("statusLv").GetString());
        Assert.Equal("Place confirmed", body.GetProperty("statusEn").GetString());
        Assert.Equal("Место предоставлено", body.GetProperty("statusRu").GetString());
        Assert.Equal("Daugavpils dienas aprūpes centrs", body.GetProperty("provider").GetProperty("name").GetString());
        Assert.Equal("+37165400000", body.GetProperty("provider").GetProperty("phone").GetString());
        Assert.Equal(["status", "statusLv", "statusEn", "statusRu", "provider"], body.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("R-7K3F9Q", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("20000041", body.GetRawText(), StringComparison.Ordinal);

        await bus.Publish(Change(referralId, 3, ReferralStatus.Closed, null), Ct);
        await WaitAsync(async () => (await store.ListMessagesAsync(referralId, Ct)).Count == 2 ? "closed" : null);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/notifications/status/{token}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("not*a*token*at*all*!!!")]
    public async Task An_unknown_or_malformed_token_is_not_found(string token)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync($"/api/notifications/status/{Uri.EscapeDataString(token)}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static ReferralStatusChanged Change(Guid referralId, int sequence, ReferralStatus to, ProviderContact? provider) =>
        new(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, sequence, ReferralStatus.Offered, to, "R-7K3F9Q",
            "day-care-centre", null, provider, null);

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(50, Ct);
        }
    }
}
