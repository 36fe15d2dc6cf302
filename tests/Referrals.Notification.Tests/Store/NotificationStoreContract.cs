using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Anonymisation;
using Referrals.Notification.Contacts;
using Referrals.Notification.Encoding;
using Referrals.Notification.Messages;
using Referrals.Notification.Store;
using Xunit;

namespace Referrals.Notification.Tests.Store;

/// <summary>What every <see cref="INotificationStore"/> adapter must do; one subclass per adapter.</summary>
public abstract class NotificationStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<INotificationStore> CreateStoreAsync();

    [Fact]
    public async Task A_contact_round_trips_and_is_stored_once_per_referral()
    {
        var store = await CreateStoreAsync();
        var referralId = Guid.NewGuid();
        var contact = Contact(referralId, "+37120000001");
        contact.RememberProcessed(Guid.NewGuid());

        Assert.True(await store.Contacts.TryInsertAsync(contact, Ct));
        Assert.False(await store.Contacts.TryInsertAsync(Contact(referralId, "+37120000009"), Ct));

        var found = await store.Contacts.FindAsync(referralId.ToString(), Ct);
        Assert.NotNull(found);
        Assert.Equal(referralId, found.ReferralId);
        Assert.True(found.SmsConsent);
        Assert.Equal("+37120000001", found.Phone);
        Assert.Equal("ru", found.Language);
        Assert.Equal(Now, found.ReceivedAt);
        Assert.Equal(contact.ProcessedMessageIds, found.ProcessedMessageIds);
        Assert.Equal(1, found.Version);
    }

    [Fact]
    public async Task A_message_round_trips_with_its_history_and_pending_events()
    {
        var store = await CreateStoreAsync();
        var message = Message(Guid.NewGuid(), 3);
        message.MoveTo(SmsState.Sent, Now.AddSeconds(1), "handed over");

        Assert.True(await store.Messages.TryInsertAsync(message, Ct));

        var found = await store.Messages.FindAsync(message.Id, Ct);
        Assert.NotNull(found);
        Assert.Equal(message.Id, found.Id);
        Assert.Equal(message.SmsId, found.SmsId);
        Assert.Equal(message.ReferralId, found.ReferralId);
        Assert.Equal(3, found.StatusSequence);
        Assert.Equal(ReferralStatus.Withdrawn, found.Status);
        Assert.Equal("lv", found.Language);
        Assert.Equal("+37120000001", found.To);
        Assert.Equal("Nosūtījums R-7K3F9Q ir atsaukts.", found.Text);
        Assert.Equal(SmsAlphabet.Ucs2, found.Encoding);
        Assert.Equal(1, found.Segments);
        Assert.Equal(SmsState.Sent, found.State);
        Assert.Equal(Now, found.CreatedAt);
        Assert.Equal([SmsState.Created, SmsState.Sent], found.History.Select(h => h.State));
        Assert.Equal([Now, Now.AddSeconds(1)], found.History.Select(h => h.At));
        Assert.Equal("handed over", found.History[1].Detail);
        Assert.Equal(message.Outbox.Select(e => e.MessageId), found.Outbox.Select(e => e.MessageId));
    }

    [Fact]
    public async Task The_referral_and_sequence_key_admits_one_message_only()
    {
        var store = await CreateStoreAsync();
        var referralId = Guid.NewGuid();

        Assert.True(await store.Messages.TryInsertAsync(Message(referralId, 1), Ct));
        Assert.False(await store.Messages.TryInsertAsync(Message(referralId, 1), Ct));
        Assert.True(await store.Messages.TryInsertAsync(Message(referralId, 2), Ct));
    }

    [Fact]
    public async Task Messages_of_a_referral_are_listed_in_sequence_order()
    {
        var store = await CreateStoreAsync();
        var referralId = Guid.NewGuid();
        foreach (var sequence in new[] { 10, 2, 1 })
        {
            Assert.True(await store.Messages.TryInsertAsync(Message(referralId, sequence), Ct));
        }

        Assert.True(await store.Messages.TryInsertAsync(Message(Guid.NewGuid(), 5), Ct));

        var listed = await store.ListMessagesAsync(referralId, Ct);

        Assert.Equal([1, 2, 10], listed.Select(m => m.StatusSequence));
        Assert.All(listed, m => Assert.Equal(referralId, m.ReferralId));
        Assert.Empty(await store.ListMessagesAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task A_stale_write_loses_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var message = Message(Guid.NewGuid(), 1);
        await store.Messages.TryInsertAsync(message, Ct);
        var first = (await store.Messages.FindAsync(message.Id, Ct))!;
        var second = (await store.Messages.FindAsync(message.Id, Ct))!;

        first.MoveTo(SmsState.Sent, Now, null);
        second.MoveTo(SmsState.Sent, Now, null);

        Assert.True(await store.Messages.TryReplaceAsync(first, Ct));
        Assert.False(await store.Messages.TryReplaceAsync(second, Ct));
        var stored = (await store.Messages.FindAsync(message.Id, Ct))!;
        Assert.Equal(2, stored.History.Count);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Pending_events_are_found_by_the_sweeper_and_removed_once_published()
    {
        var store = await CreateStoreAsync();
        var message = Message(Guid.NewGuid(), 1);
        await store.Messages.TryInsertAsync(message, Ct);

        var pending = await store.Messages.FindPendingAsync(100, Ct);
        var mine = Assert.Single(pending, p => p.DocumentId == message.Id);
        Assert.Single(mine.Events);

        await store.Messages.RemovePublishedAsync(message.Id, [mine.Events[0].MessageId], Ct);

        Assert.DoesNotContain(await store.Messages.FindPendingAsync(100, Ct), p => p.DocumentId == message.Id);
        Assert.Empty((await store.Messages.FindAsync(message.Id, Ct))!.Outbox);
    }

    [Fact]
    public async Task Updates_go_through_the_version_guard_and_skip_processed_messages()
    {
        var store = await CreateStoreAsync();
        var message = Message(Guid.NewGuid(), 1);
        await store.Messages.TryInsertAsync(message, Ct);
        var messageId = Guid.NewGuid();

        await store.Messages.UpdateAsync(message.Id, m => m.MoveTo(SmsState.Sent, Now, null), messageId, Ct);
        await store.Messages.UpdateAsync(message.Id, m => m.MoveTo(SmsState.Accepted, Now, null), messageId, Ct);

        var stored = (await store.Messages.FindAsync(message.Id, Ct))!;
        Assert.Equal(SmsState.Sent, stored.State);
    }

    [Fact]
    public async Task Due_messages_are_the_waiting_ones_whose_time_has_come_and_the_unanswered_hand_overs()
    {
        var store = await CreateStoreAsync();
        var referralId = Guid.NewGuid();
        var now = Message(referralId, 1);
        var later = Message(referralId, 2);
        later.DueAt = Now.AddHours(1);
        var sent = Message(referralId, 3);
        sent.MoveTo(SmsState.Sent, Now, null);
        sent.DueAt = Now.AddMinutes(2);
        var accepted = Message(referralId, 4);
        accepted.MoveTo(SmsState.Sent, Now, null);
        accepted.DueAt = Now.AddMinutes(2);
        accepted.MoveTo(SmsState.Accepted, Now, null);
        foreach (var message in new[] { now, later, sent, accepted })
        {
            Assert.True(await store.Messages.TryInsertAsync(message, Ct));
        }

        var due = (await store.ListDueAsync(Now, 1000, Ct)).Where(m => m.ReferralId == referralId).ToList();
        var dueLater = (await store.ListDueAsync(Now.AddHours(1), 1000, Ct)).Where(m => m.ReferralId == referralId).ToList();

        Assert.Equal([1], due.Select(m => m.StatusSequence));
        Assert.Equal([1, 2, 3], dueLater.Select(m => m.StatusSequence).Order());
    }

    [Fact]
    public async Task Contacts_are_found_by_phone_and_by_status_token()
    {
        var store = await CreateStoreAsync();
        var phone = "+3712" + Random.Shared.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = Contact(Guid.NewGuid(), phone);
        first.StatusToken = Referrals.Notification.Templates.StatusLinks.NewToken();
        first.Status = ReferralStatus.Waitlisted;
        var second = Contact(Guid.NewGuid(), phone);
        Assert.True(await store.Contacts.TryInsertAsync(first, Ct));
        Assert.True(await store.Contacts.TryInsertAsync(second, Ct));
        Assert.True(await store.Contacts.TryInsertAsync(Contact(Guid.NewGuid(), "+37129999990"), Ct));

        var byPhone = await store.ListContactsByPhoneAsync(phone, Ct);
        var byToken = await store.FindContactByStatusTokenAsync(first.StatusToken, Ct);

        Assert.Equal(new[] { first.ReferralId, second.ReferralId }.Order(), byPhone.Select(c => c.ReferralId).Order());
        Assert.Equal(first.ReferralId, byToken?.ReferralId);
        Assert.Equal(ReferralStatus.Waitlisted, byToken?.Status);
        Assert.Null(await store.FindContactByStatusTokenAsync(Referrals.Notification.Templates.StatusLinks.NewToken(), Ct));
    }

    [Fact]
    public async Task Erasing_a_referral_leaves_no_copy_of_the_number_and_keeps_the_message_states()
    {
        var store = await CreateStoreAsync();
        var phone = "+3712" + Random.Shared.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var referralId = Guid.NewGuid();
        var other = Guid.NewGuid();
        var contact = Contact(referralId, phone);
        contact.StatusToken = Referrals.Notification.Templates.StatusLinks.NewToken();
        contact.MunicipalityCode = "LV-DGV";
        Assert.True(await store.Contacts.TryInsertAsync(contact, Ct));
        Assert.True(await store.Contacts.TryInsertAsync(Contact(other, phone), Ct));
        var delivered = Message(referralId, 1, phone);
        delivered.MoveTo(SmsState.Sent, Now, null);
        delivered.MoveTo(SmsState.Failed, Now, $"gateway echoed {phone[1..]}");
        var waiting = Message(referralId, 2, phone);
        waiting.DueAt = Now.AddHours(8);
        var othersMessage = Message(other, 1, phone);
        foreach (var message in new[] { delivered, waiting, othersMessage })
        {
            Assert.True(await store.Messages.TryInsertAsync(message, Ct));
        }

        var messageId = Guid.NewGuid();
        var erased = await FamilyDataErasure.EraseAsync(store, referralId, messageId, Now.AddDays(400), Ct);

        var storedContact = (await store.Contacts.FindAsync(contact.Id, Ct))!;
        Assert.Null(storedContact.Phone);
        Assert.Null(storedContact.StatusToken);
        Assert.Equal(Now.AddDays(400), storedContact.AnonymisedAt);
        Assert.Equal("LV-DGV", storedContact.MunicipalityCode);
        Assert.True(storedContact.HasProcessed(messageId));
        Assert.Null(await store.FindContactByStatusTokenAsync(contact.StatusToken, Ct));
        Assert.Equal([other], (await store.ListContactsByPhoneAsync(phone, Ct)).Select(c => c.ReferralId));

        var messages = await store.ListMessagesAsync(referralId, Ct);
        Assert.Equal([SmsState.Failed, SmsState.Cancelled], messages.Select(m => m.State));
        Assert.Equal([SmsState.Created, SmsState.Sent, SmsState.Failed], messages[0].History.Select(h => h.State));
        Assert.Equal(FamilyDataErasure.ErasedDetail, messages[1].History[^1].Detail);
        Assert.All(messages, m => Assert.Equal("", m.To));
        Assert.All(messages, m => Assert.Equal(Now, m.CreatedAt));
        var digits = phone[4..];
        Assert.DoesNotContain(digits, System.Text.Json.JsonSerializer.Serialize(storedContact, MessageJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain(digits, System.Text.Json.JsonSerializer.Serialize(messages, MessageJson.Options), StringComparison.Ordinal);
        // The cancellation is announced like any other state (the consumer publishes it).
        Assert.Contains(erased, m => m.Id == waiting.Id && m.Outbox.Count > 0);

        // Only this referral's documents: the other referral of the same family keeps its number.
        Assert.Equal(phone, (await store.Messages.FindAsync(othersMessage.Id, Ct))!.To);
        Assert.Equal(phone, (await store.Contacts.FindAsync(other.ToString(), Ct))!.Phone);

        // Again: nothing more changes.
        var versions = messages.Select(m => m.Version).ToList();
        await FamilyDataErasure.EraseAsync(store, referralId, Guid.NewGuid(), Now.AddDays(401), Ct);
        Assert.Equal(versions, (await store.ListMessagesAsync(referralId, Ct)).Select(m => m.Version));
        Assert.Equal(storedContact.Version, (await store.Contacts.FindAsync(contact.Id, Ct))!.Version);
    }

    private static FamilyContactDocument Contact(Guid referralId, string phone) => new()
    {
        Id = FamilyContactDocument.IdFor(referralId),
        ReferralId = referralId,
        SmsConsent = true,
        Phone = phone,
        Language = "ru",
        ReceivedAt = Now,
    };

    private static SmsMessage Message(Guid referralId, int sequence, string to = "+37120000001") =>
        SmsMessage.Create(referralId, sequence, ReferralStatus.Withdrawn, "lv", to,
            "Nosūtījums R-7K3F9Q ir atsaukts.", new SmsSize(SmsAlphabet.Ucs2, 32, 1), Now);
}
