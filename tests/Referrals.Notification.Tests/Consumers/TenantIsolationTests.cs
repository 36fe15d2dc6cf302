using System.Text.Json;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Outbox;
using Xunit;
using static Referrals.Notification.Tests.Consumers.NotificationHarness;

namespace Referrals.Notification.Tests.Consumers;

/// <summary>
/// Events carry no tenant of their own beyond the referral id, so the keys are the tenant check: the contact is keyed by
/// the referral id, its SMS by "{referralId}:{sequence}", and the municipality is fixed by the first ReferralSubmitted.
/// </summary>
public sealed class TenantIsolationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_for_another_referral_with_the_same_number_leaves_this_referral_untouched()
    {
        await using var n = await StartAsync();
        var daugavpils = Guid.NewGuid();
        var rezekne = Guid.NewGuid();
        var family = new FamilyContact("+37120000081", "lv");
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(daugavpils, family, "LV-DGV")));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(daugavpils, 1, ReferralStatus.Submitted)));
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(rezekne, family, "LV-REZ")));
        var contactBefore = await SnapshotAsync(n, daugavpils);

        // Same sequence number, a provider, a final status: all of it belongs to the Rēzekne referral only.
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(rezekne, 1, ReferralStatus.Placed,
            new ProviderContact("org-rez-sac", "Rēzeknes sociālās aprūpes centrs", "+37164600000"))));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(rezekne, 2, ReferralStatus.Withdrawn)));

        Assert.Equal(contactBefore, await SnapshotAsync(n, daugavpils));
        Assert.Equal([1, 2], (await n.Store.ListMessagesAsync(rezekne, Ct)).Select(m => m.StatusSequence));
        Assert.Equal("LV-REZ", (await n.Store.Contacts.FindAsync(rezekne.ToString(), Ct))!.MunicipalityCode);
    }

    [Fact]
    public async Task A_repeated_or_forged_submission_cannot_move_a_referral_to_another_municipality()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, new FamilyContact("+37120000082", "lv"), "LV-DGV")));

        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, new FamilyContact("+37120000099", "ru"), "LV-RIX")));

        var contact = (await n.Store.Contacts.FindAsync(referralId.ToString(), Ct))!;
        Assert.Equal("LV-DGV", contact.MunicipalityCode);
        Assert.Equal("+37120000082", contact.Phone);
        Assert.Equal("lv", contact.Language);
        Assert.Equal(1, contact.Version);
    }

    [Fact]
    public async Task A_contact_stored_before_municipalities_were_recorded_gets_it_from_the_submission()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        Assert.True(await n.Store.Contacts.TryInsertAsync(new Referrals.Notification.Contacts.FamilyContactDocument
        {
            Id = referralId.ToString(),
            ReferralId = referralId,
            SmsConsent = true,
            Phone = "+37120000083",
            ReceivedAt = DateTimeOffset.UtcNow,
        }, Ct));

        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, new FamilyContact("+37120000083", "lv"), "LV-REZ")));

        Assert.Equal("LV-REZ", (await n.Store.Contacts.FindAsync(referralId.ToString(), Ct))!.MunicipalityCode);
    }

    private static async Task<string> SnapshotAsync(NotificationHarness n, Guid referralId) =>
        JsonSerializer.Serialize(await n.Store.Contacts.FindAsync(referralId.ToString(), Ct), MessageJson.Options)
        + JsonSerializer.Serialize(await n.Store.ListMessagesAsync(referralId, Ct), MessageJson.Options);
}
