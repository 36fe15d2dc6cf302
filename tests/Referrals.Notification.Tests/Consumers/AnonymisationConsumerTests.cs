using System.Text.Json;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Microsoft.Extensions.Time.Testing;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Anonymisation;
using Xunit;
using static Referrals.Notification.Tests.Consumers.NotificationHarness;

namespace Referrals.Notification.Tests.Consumers;

public sealed class AnonymisationConsumerTests
{
    private const string Phone = "+37120000071";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_number_is_erased_from_the_contact_and_every_SMS_while_the_states_stay()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        var sameFamilyOtherReferral = Guid.NewGuid();
        foreach (var id in new[] { referralId, sameFamilyOtherReferral })
        {
            await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(id, new FamilyContact(Phone, "lv"))));
            await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(id, 1, ReferralStatus.Submitted)));
            await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(id, 2, ReferralStatus.Rejected)));
        }

        await n.ConsumedAsync<ReferralAnonymised>(await n.PublishAsync(new ReferralAnonymised(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow)));

        var contact = (await n.Store.Contacts.FindAsync(referralId.ToString(), Ct))!;
        Assert.Null(contact.Phone);
        Assert.Null(contact.StatusToken);
        Assert.NotNull(contact.AnonymisedAt);
        Assert.Equal("LV-DGV", contact.MunicipalityCode);
        var messages = await n.Store.ListMessagesAsync(referralId, Ct);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("", m.To));
        Assert.All(messages, m => Assert.Equal(SmsState.Accepted, m.State));
        Assert.All(messages, m => Assert.Equal([SmsState.Created, SmsState.Sent, SmsState.Accepted], m.History.Select(h => h.State)));
        Assert.DoesNotContain("20000071", JsonSerializer.Serialize(contact, MessageJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain("20000071", JsonSerializer.Serialize(messages, MessageJson.Options), StringComparison.Ordinal);
        var byPhone = await n.Store.ListContactsByPhoneAsync(Phone, Ct);
        Assert.DoesNotContain(byPhone, c => c.ReferralId == referralId);

        // The same number on another referral is that referral's data, and stays.
        Assert.Contains(byPhone, c => c.ReferralId == sameFamilyOtherReferral);
        Assert.All(await n.Store.ListMessagesAsync(sameFamilyOtherReferral, Ct), m => Assert.Equal(Phone, m.To));
        Assert.DoesNotContain(n.Logs.Lines, line => line.Contains("20000071", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_erasure_a_late_change_texts_nobody()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, new FamilyContact(Phone, "en"))));
        var sentBefore = n.Sender.Sent.Count;

        await n.ConsumedAsync<ReferralAnonymised>(await n.PublishAsync(new ReferralAnonymised(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow)));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 3, ReferralStatus.Closed)));

        Assert.Equal(sentBefore, n.Sender.Sent.Count);
        Assert.Empty(await n.Store.ListMessagesAsync(referralId, Ct));
    }

    [Fact]
    public async Task An_SMS_held_for_the_night_is_cancelled_announced_and_never_sent()
    {
        // 23:00 in Riga: quiet hours hold the SMS until the morning.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 21, 0, 0, TimeSpan.Zero));
        await using var n = await StartAsync(time: time, options: new NotificationOptions { RetryBackoff = TimeSpan.Zero });
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, new FamilyContact(Phone, "lv"))));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));
        Assert.Equal(SmsState.Created, Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct)).State);

        await n.ConsumedAsync<ReferralAnonymised>(await n.PublishAsync(new ReferralAnonymised(Guid.NewGuid(), referralId, time.GetUtcNow())));
        time.Advance(TimeSpan.FromHours(12));
        await n.Resender.ResendDueAsync(Ct);

        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(SmsState.Cancelled, message.State);
        Assert.Equal(FamilyDataErasure.ErasedDetail, message.History[^1].Detail);
        Assert.Empty(message.Outbox);
        Assert.Empty(n.Sender.Sent);
        Assert.True(await n.Harness.Published.Any<SmsStatusChanged>(
            p => p.Context.Message.ReferralId == referralId && p.Context.Message.State == SmsState.Cancelled, Ct));
    }

    [Fact]
    public async Task Erasure_before_the_contact_arrived_keeps_the_number_from_ever_being_stored()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();

        await n.ConsumedAsync<ReferralAnonymised>(await n.PublishAsync(new ReferralAnonymised(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow)));
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, new FamilyContact(Phone, "lv"))));

        var contact = (await n.Store.Contacts.FindAsync(referralId.ToString(), Ct))!;
        Assert.Null(contact.Phone);
        Assert.NotNull(contact.AnonymisedAt);
    }

    [Fact]
    public async Task A_redelivered_anonymisation_changes_nothing_more()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, new FamilyContact(Phone, "lv"))));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));
        var anonymised = new ReferralAnonymised(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow);

        var messageId = await n.PublishAsync(anonymised);
        await n.ConsumedAsync<ReferralAnonymised>(messageId);
        var first = (await n.Store.Contacts.FindAsync(referralId.ToString(), Ct))!;
        var firstMessage = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        await n.ConsumedAsync<ReferralAnonymised>(await n.PublishAsync(anonymised));

        var again = (await n.Store.Contacts.FindAsync(referralId.ToString(), Ct))!;
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.AnonymisedAt, again.AnonymisedAt);
        Assert.Equal(firstMessage.Version, Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct)).Version);
    }
}
