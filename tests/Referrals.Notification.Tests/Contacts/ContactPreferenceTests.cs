using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Intake;
using Referrals.Notification.Contacts;
using Referrals.Notification.Store;
using Referrals.Notification.Tests.Api;
using Referrals.Testing;
using Xunit;

namespace Referrals.Notification.Tests.Contacts;

public sealed class ContactPreferenceTests : IClassFixture<NotificationApiFactory>
{
    private readonly NotificationApiFactory _factory;

    public ContactPreferenceTests(NotificationApiFactory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private INotificationStore Store => _factory.Services.GetRequiredService<INotificationStore>();

    [Fact]
    public async Task Do_not_contact_is_recorded_with_the_acting_social_worker_and_can_be_undone()
    {
        using var client = _factory.CreateClient().As(TestTokens.SocialWorker("LV-DGV", "sw-dgv-7"));
        using var colleague = _factory.CreateClient().As(TestTokens.SocialWorker("LV-DGV", "sw-dgv-8"));
        var referralId = await ContactAsync("+37120000011");

        var optOut = await client.PutAsync($"/api/notifications/contacts/{referralId}/opt-out", null, Ct);
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        var body = await optOut.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(body.GetProperty("optedOut").GetBoolean());
        Assert.Equal("sw-dgv-7", body.GetProperty("changedBy").GetString());
        var stored = (await Store.Contacts.FindAsync(referralId.ToString(), Ct))!;
        Assert.True(stored.OptedOut);
        Assert.Equal("sw-dgv-7", stored.PreferenceChangedBy);

        var optIn = await colleague.DeleteAsync($"/api/notifications/contacts/{referralId}/opt-out", Ct);
        Assert.Equal(HttpStatusCode.OK, optIn.StatusCode);
        stored = (await Store.Contacts.FindAsync(referralId.ToString(), Ct))!;
        Assert.False(stored.OptedOut);
        Assert.Equal("sw-dgv-8", stored.PreferenceChangedBy);
    }

    [Fact]
    public async Task A_social_worker_of_another_municipality_gets_404_and_changes_nothing()
    {
        using var foreign = _factory.CreateClient().As(TestTokens.SocialWorker("LV-REZ"));
        var referralId = await ContactAsync("+37120000012");
        var before = (await Store.Contacts.FindAsync(referralId.ToString(), Ct))!;

        var optOut = await foreign.PutAsync($"/api/notifications/contacts/{referralId}/opt-out", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, optOut.StatusCode);
        var after = (await Store.Contacts.FindAsync(referralId.ToString(), Ct))!;
        Assert.False(after.OptedOut);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.PreferenceChangedBy);
    }

    [Fact]
    public async Task An_unknown_or_malformed_referral_is_404_or_400()
    {
        using var client = _factory.CreateClient().As(TestTokens.SocialWorker("LV-DGV"));

        var unknown = await client.PutAsync($"/api/notifications/contacts/{Guid.NewGuid()}/opt-out", null, Ct);
        var malformed = await client.PutAsync("/api/notifications/contacts/not-a-guid/opt-out", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var problem = await malformed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("referralId", out _));
    }

    [Fact]
    public async Task A_STOP_reply_opts_the_number_out_of_all_its_referrals_and_nothing_else()
    {
        using var client = _factory.CreateClient();
        var first = await ContactAsync("+37120000021");
        var second = await ContactAsync("+37120000021");
        var other = await ContactAsync("+37120000022");

        // As Kannel's sms-service passes it (%p): the SMS centre's own format, here without the plus.
        var response = await client.GetAsync("/api/notifications/inbound-sms?from=37120000021&text=stop", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("referrals").GetInt32());
        Assert.True((await Store.Contacts.FindAsync(first.ToString(), Ct))!.OptedOut);
        Assert.True((await Store.Contacts.FindAsync(second.ToString(), Ct))!.OptedOut);
        Assert.Equal("family-sms-reply", (await Store.Contacts.FindAsync(second.ToString(), Ct))!.PreferenceChangedBy);
        Assert.False((await Store.Contacts.FindAsync(other.ToString(), Ct))!.OptedOut);
    }

    [Fact]
    public async Task Any_other_reply_changes_nothing()
    {
        using var client = _factory.CreateClient();
        var referralId = await ContactAsync("+37120000031");

        var response = await client.GetAsync("/api/notifications/inbound-sms?from=%2B37120000031&text=Paldies", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await Store.Contacts.FindAsync(referralId.ToString(), Ct))!.OptedOut);
    }

    [Theory]
    [InlineData("+37120000001", "+37120000001")]
    [InlineData("0037120000001", "+37120000001")]
    [InlineData("37120000001", "+37120000001")]
    [InlineData("20000001", "+37120000001")]
    [InlineData("", null)]
    public void Sender_numbers_are_normalised_to_E164(string from, string? expected)
    {
        Assert.Equal(expected, ContactPreferences.NormalisePhone(from));
    }

    private async Task<Guid> ContactAsync(string phone)
    {
        var bus = _factory.Services.GetRequiredService<IBus>();
        var referralId = Guid.NewGuid();
        await bus.Publish(new ReferralSubmitted(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, "R-7K3F9Q", "LV-DGV",
            "LV-DGV", "day-care-centre", "elderly", new DateOnly(1950, 1, 2), "male", [], null,
            new FamilyContact(phone, "lv")), Ct);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await Store.Contacts.FindAsync(referralId.ToString(), Ct) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The contact was not stored.");
            await Task.Delay(50, Ct);
        }

        return referralId;
    }
}
