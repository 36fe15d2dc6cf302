using MassTransit.Testing;
using Microsoft.Extensions.Time.Testing;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Messaging.Documents;
using Referrals.Notification.Sending;
using Referrals.Reference;
using Xunit;
using static Referrals.Notification.Tests.Consumers.NotificationHarness;

namespace Referrals.Notification.Tests.Sending;

public sealed class SendingPolicyTests
{
    private static readonly FamilyContact LatvianFamily = new("+37120000001", "lv");

    // 23:00 in Riga (winter, UTC+2); quiet hours end at 06:00 UTC.
    private static readonly DateTimeOffset Night = new(2026, 1, 15, 21, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Morning = new(2026, 1, 16, 6, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NotificationOptions RigaQuietHours => new() { RetryBackoff = TimeSpan.Zero };

    [Fact]
    public async Task At_night_a_non_urgent_SMS_is_held_until_08_00_Riga_and_sent_then()
    {
        var time = new FakeTimeProvider(Night);
        await using var n = await StartAsync(time: time, options: RigaQuietHours);
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));

        var held = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(SmsState.Created, held.State);
        Assert.Equal(Morning, held.HeldUntil);
        Assert.Empty(n.Sender.Sent);

        time.SetUtcNow(Morning.AddMinutes(-1));
        Assert.Equal(0, await n.Resender.ResendDueAsync(Ct));
        Assert.Empty(n.Sender.Sent);

        time.SetUtcNow(Morning);
        Assert.Equal(1, await n.Resender.ResendDueAsync(Ct));
        Assert.Single(n.Sender.Sent);
        Assert.Equal(SmsState.Accepted, Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct)).State);
    }

    [Fact]
    public async Task A_crisis_service_SMS_goes_at_once_even_at_night()
    {
        await using var n = await StartAsync(time: new FakeTimeProvider(Night), options: RigaQuietHours);
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(
            Changed(referralId, 1, ReferralStatus.Submitted, serviceType: ServiceTypes.CrisisCentre)));

        Assert.Single(n.Sender.Sent);
        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(SmsState.Accepted, message.State);
        Assert.Null(message.HeldUntil);
    }

    [Fact]
    public async Task A_held_SMS_whose_referral_moved_on_is_superseded_and_only_the_newest_is_sent()
    {
        var time = new FakeTimeProvider(Night);
        await using var n = await StartAsync(time: time, options: RigaQuietHours);
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));
        time.Advance(TimeSpan.FromMinutes(30));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 2, ReferralStatus.Rejected)));

        time.SetUtcNow(Morning);
        Assert.Equal(2, await n.Resender.ResendDueAsync(Ct));

        var messages = await n.Store.ListMessagesAsync(referralId, Ct);
        Assert.Equal(SmsState.Cancelled, messages[0].State);
        Assert.StartsWith("Superseded", messages[0].History[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(SmsState.Accepted, messages[1].State);
        var sent = Assert.Single(n.Sender.Sent);
        Assert.Equal(messages[1].Text, sent.Text);
    }

    [Fact]
    public async Task An_opted_out_family_gets_nothing_and_the_SMS_is_recorded_as_not_sent()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));
        await n.Store.Contacts.UpdateAsync(referralId.ToString(), c => c.OptedOut = true, cancellationToken: Ct);

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));

        Assert.Empty(n.Sender.Sent);
        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(SmsState.Cancelled, message.State);
        Assert.Equal([SmsState.Created, SmsState.Cancelled], message.History.Select(h => h.State));
    }

    [Fact]
    public async Task After_the_last_attempt_the_SMS_is_Failed_and_the_failure_is_published_for_the_timeline()
    {
        var gateway = new AlwaysTemporary();
        await using var n = await StartAsync(sender: gateway,
            options: new NotificationOptions { MaxSendAttempts = 3, RetryBackoff = TimeSpan.Zero, QuietHoursStart = TimeOnly.MinValue, QuietHoursEnd = TimeOnly.MinValue });
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));

        await n.Resender.ResendDueAsync(Ct);
        await n.Resender.ResendDueAsync(Ct);
        await n.Resender.ResendDueAsync(Ct);

        Assert.Equal(3, gateway.Calls);
        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(SmsState.Failed, message.State);
        Assert.StartsWith("Gave up after 3 attempts", message.History[^1].Detail, StringComparison.Ordinal);
        Assert.True(await n.Harness.Published.Any<SmsStatusChanged>(
            p => p.Context.Message.ReferralId == referralId && p.Context.Message.State == SmsState.Failed, Ct));
    }

    [Fact]
    public async Task The_resender_racing_itself_and_the_consumer_hands_one_SMS_over_once()
    {
        var time = new FakeTimeProvider(Night);
        await using var n = await StartAsync(time: time, options: RigaQuietHours);
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));
        var change = Changed(referralId, 1, ReferralStatus.Submitted);
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(change));
        time.SetUtcNow(Morning);

        // Eight passes of the re-sender (as in several instances) and a redelivery of the event, all at once.
        var passes = Enumerable.Range(0, 8).Select(_ => n.Resender.ResendDueAsync(Ct)).ToList();
        var redelivery = n.PublishAsync(change);
        await Task.WhenAll(passes);
        await n.ConsumedAsync<ReferralStatusChanged>(await redelivery);

        Assert.Single(n.Sender.Sent);
        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal([SmsState.Created, SmsState.Sent, SmsState.Accepted], message.History.Select(h => h.State));
    }

    private sealed class AlwaysTemporary : ISmsSender
    {
        private int _calls;

        public int Calls => _calls;

        public Task<SmsSendResult> SendAsync(SmsRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(SmsSendResult.Retryable("503: Temporal failure"));
        }
    }
}
