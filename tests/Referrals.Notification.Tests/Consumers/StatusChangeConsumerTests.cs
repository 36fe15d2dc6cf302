using MassTransit;
using MassTransit.Testing;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Notification.Encoding;
using Referrals.Notification.Messages;
using Referrals.Notification.Sending;
using Xunit;
using static Referrals.Notification.Tests.Consumers.NotificationHarness;

namespace Referrals.Notification.Tests.Consumers;

public sealed class StatusChangeConsumerTests
{
    private static readonly FamilyContact LatvianFamily = new("+37120000001", "lv");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_family_relevant_change_sends_one_SMS_in_the_family_language_and_reports_each_state()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, new FamilyContact("+37120000002", "ru"))));

        var changeId = await n.PublishAsync(Changed(referralId, 5, ReferralStatus.Waitlisted, position: 4));
        await n.ConsumedAsync<ReferralStatusChanged>(changeId);

        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal($"{referralId}:5", message.Id);
        Assert.Equal(5, message.StatusSequence);
        Assert.Equal(ReferralStatus.Waitlisted, message.Status);
        Assert.Equal("ru", message.Language);
        Assert.Equal("+37120000002", message.To);
        Assert.Equal("Направление R-7K3F9Q включено в очередь на услугу. Ваше место в очереди: 4. Подробнее — в социальной службе.", message.Text);
        Assert.Equal(SmsAlphabet.Ucs2, message.Encoding);
        Assert.Equal(2, message.Segments);
        Assert.Equal(SmsState.Accepted, message.State);
        Assert.Equal([SmsState.Created, SmsState.Sent, SmsState.Accepted], message.History.Select(h => h.State));
        Assert.Empty(message.Outbox);

        var sent = Assert.Single(n.Sender.Sent);
        Assert.Equal(new SmsRequest(message.SmsId, "+37120000002", message.Text, SmsAlphabet.Ucs2, 2) { MessageId = message.Id }, sent);

        var states = n.Harness.Published.Select<SmsStatusChanged>(Ct)
            .Select(p => p.Context.Message)
            .Where(e => e.ReferralId == referralId)
            .ToList();
        Assert.Equal([SmsState.Created, SmsState.Sent, SmsState.Accepted], states.Select(e => e.State).Order());
        Assert.All(states, e => Assert.Equal(message.SmsId, e.MessageId));
        Assert.All(states, e => Assert.Equal(5, e.StatusSequence));

        Assert.NotEmpty(n.Logs.Lines);
        Assert.DoesNotContain(n.Logs.Lines, line => line.Contains("20000002", StringComparison.Ordinal));
        Assert.DoesNotContain(n.Logs.Lines, line => line.Contains("очередь", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_event_delivered_again_sends_no_second_SMS()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));
        var change = Changed(referralId, 1, ReferralStatus.Submitted);
        var counter = new ConsumeCounter();
        n.Harness.Bus.ConnectConsumeObserver(counter);

        var messageId = await n.PublishAsync(change);
        await WaitForConsumedCountAsync(counter, messageId, 1);
        await n.PublishAsync(change, messageId);
        await WaitForConsumedCountAsync(counter, messageId, 2);

        Assert.Single(n.Sender.Sent);
        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(3, message.History.Count);
    }

    [Fact]
    public async Task Another_event_for_the_same_referral_and_sequence_sends_no_second_SMS()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));

        // Different event and message ids, same (referral, sequence): e.g. republished by a second Intake instance.
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 2, ReferralStatus.Rejected)));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 2, ReferralStatus.Rejected)));

        Assert.Single(n.Sender.Sent);
        Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
    }

    [Fact]
    public async Task Concurrent_duplicates_of_one_change_send_one_SMS()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => n.PublishAsync(Changed(referralId, 3, ReferralStatus.Withdrawn))));
        foreach (var id in ids)
        {
            await n.ConsumedAsync<ReferralStatusChanged>(id);
        }

        Assert.Single(n.Sender.Sent);
        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(SmsState.Accepted, message.State);
    }

    [Fact]
    public async Task Each_status_change_gets_its_own_SMS_in_sequence_order()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, new FamilyContact("+37120000003", "en"))));

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 4, ReferralStatus.Placed,
            new ProviderContact("org-dgv-dac", "Daugavpils dienas aprūpes centrs", "+37165400000"))));
        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));

        var messages = await n.Store.ListMessagesAsync(referralId, Ct);
        Assert.Equal([1, 4], messages.Select(m => m.StatusSequence));
        Assert.Equal(
            "Referral R-7K3F9Q: place confirmed at Daugavpils dienas aprūpes centrs, tel. +37165400000. For details, contact your social service.",
            messages[1].Text);
        Assert.Equal(2, n.Sender.Sent.Count);
    }

    [Theory]
    [InlineData(ReferralStatus.Matching)]
    [InlineData(ReferralStatus.Offered)]
    public async Task Matching_and_Offered_send_nothing(ReferralStatus status)
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 2, status)));

        Assert.Empty(n.Sender.Sent);
        Assert.Empty(await n.Store.ListMessagesAsync(referralId, Ct));
    }

    [Fact]
    public async Task Without_consent_nothing_is_ever_sent()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, contact: null)));

        var ids = new List<Guid>();
        foreach (var (sequence, status) in new[] { (1, ReferralStatus.Submitted), (2, ReferralStatus.Rejected) })
        {
            ids.Add(await n.PublishAsync(Changed(referralId, sequence, status)));
        }

        foreach (var id in ids)
        {
            await n.ConsumedAsync<ReferralStatusChanged>(id);
        }

        Assert.Empty(n.Sender.Sent);
        Assert.Empty(await n.Store.ListMessagesAsync(referralId, Ct));
        var contact = await n.Store.Contacts.FindAsync(referralId.ToString(), Ct);
        Assert.NotNull(contact);
        Assert.False(contact.SmsConsent);
        Assert.Null(contact.Phone);
        Assert.False(await n.Harness.Published.Any<Fault<ReferralStatusChanged>>(Ct));
    }

    [Fact]
    public async Task A_change_before_the_contact_is_known_fails_with_a_specific_exception()
    {
        await using var n = await StartAsync(withRetries: false);
        var referralId = Guid.NewGuid();

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));

        Assert.True(await n.Harness.Published.Any<Fault<ReferralStatusChanged>>(f =>
            f.Context.Message.Message.ReferralId == referralId
            && f.Context.Message.Exceptions[0].ExceptionType == typeof(ContactNotYetKnownException).FullName, Ct));
        Assert.Empty(n.Sender.Sent);
    }

    [Fact]
    public async Task A_change_that_arrives_before_the_contact_is_retried_and_then_sent()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();

        await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted));
        await Task.Delay(300, Ct);
        Assert.Empty(n.Sender.Sent);
        await n.PublishAsync(Submitted(referralId, LatvianFamily));

        var messages = await n.MessagesWhenAsync(referralId, m => m.Count == 1 && m[0].State == SmsState.Accepted);
        var message = Assert.Single(messages);
        Assert.Equal(SmsState.Accepted, message.State);
        Assert.Equal("Nosūtījums R-7K3F9Q sociālā pakalpojuma saņemšanai ir reģistrēts. Sīkāk — sociālajā dienestā.", message.Text);
        Assert.Single(n.Sender.Sent);
        Assert.False(await n.Harness.Published.Any<Fault<ReferralStatusChanged>>(Ct));
        Assert.DoesNotContain(n.Logs.Lines, line => line.Contains("20000001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_stored_but_not_yet_handed_over_is_sent_on_redelivery_with_its_stored_text()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));
        // As left by a crash between storing the SMS and handing it to the gateway.
        var stored = SmsMessage.Create(referralId, 1, ReferralStatus.Submitted, "lv", "+37120000001", "Stored text",
            SmsEncoding.Measure("Stored text"), DateTimeOffset.UtcNow);
        Assert.True(await n.Store.Messages.TryInsertAsync(stored, Ct));

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));

        var sent = Assert.Single(n.Sender.Sent);
        Assert.Equal("Stored text", sent.Text);
        Assert.Equal(SmsState.Accepted, Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct)).State);
    }

    [Fact]
    public async Task A_message_already_handed_to_the_gateway_is_not_handed_over_again_before_its_answer_is_due()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));
        // As left by a crash after the hand-over: the gateway may have it, so a second text would be a duplicate.
        var stored = SmsMessage.Create(referralId, 1, ReferralStatus.Submitted, "lv", "+37120000001", "Stored text",
            SmsEncoding.Measure("Stored text"), DateTimeOffset.UtcNow);
        stored.MoveTo(SmsState.Sent, DateTimeOffset.UtcNow, null);
        Assert.True(await n.Store.Messages.TryInsertAsync(stored, Ct));

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));

        Assert.Empty(n.Sender.Sent);
        Assert.Equal(SmsState.Sent, Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct)).State);
    }

    [Fact]
    public async Task A_hand_over_nobody_heard_back_from_is_handed_over_again_once_when_its_answer_is_overdue()
    {
        await using var n = await StartAsync();
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));
        // As left by a process killed between claiming the SMS and hearing from the gateway, long enough ago.
        var stored = SmsMessage.Create(referralId, 1, ReferralStatus.Submitted, "lv", "+37120000001", "Stored text",
            SmsEncoding.Measure("Stored text"), DateTimeOffset.UtcNow.AddMinutes(-5));
        stored.MoveTo(SmsState.Sent, DateTimeOffset.UtcNow.AddMinutes(-5), null);
        stored.DueAt = DateTimeOffset.UtcNow.AddMinutes(-3);
        Assert.True(await n.Store.Messages.TryInsertAsync(stored, Ct));

        var first = await n.Resender.ResendDueAsync(Ct);
        var second = await n.Resender.ResendDueAsync(Ct);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal("Stored text", Assert.Single(n.Sender.Sent).Text);
        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal([SmsState.Created, SmsState.Sent, SmsState.Sent, SmsState.Accepted], message.History.Select(h => h.State));
        Assert.StartsWith("No answer from the gateway", message.History[2].Detail, StringComparison.Ordinal);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public async Task A_hand_over_without_an_answer_waits_for_the_delivery_report_instead_of_sending_again()
    {
        var gateway = new ScriptedSender(SmsSendResult.Unknown("No answer from Kannel (HttpRequestException)"), SmsSendResult.Accepted("k-2"));
        await using var n = await StartAsync(sender: gateway);
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));
        var resent = await n.Resender.ResendDueAsync(Ct);

        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(0, resent);
        Assert.Equal(1, gateway.Calls);
        Assert.Equal(SmsState.Sent, message.State);
        Assert.EndsWith("waiting for the delivery report before handing over again", message.History[^1].Detail, StringComparison.Ordinal);
        Assert.True(message.DueAt > DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_permanent_gateway_failure_marks_the_SMS_failed_and_does_not_retry()
    {
        var gateway = new ScriptedSender(SmsSendResult.Permanent("400: Bad request"));
        await using var n = await StartAsync(sender: gateway);
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));

        var message = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(SmsState.Failed, message.State);
        Assert.Equal("400: Bad request", message.History[^1].Detail);
        Assert.Equal(1, gateway.Calls);
    }

    [Fact]
    public async Task A_temporary_gateway_failure_waits_for_the_resender_and_is_then_accepted()
    {
        // Deliberately changed in issue 6: the consumer no longer throws to retry; the SMS waits in the store
        // (Created, with a back-off) and the re-sender hands it over, so an outage never parks the event in _error.
        var gateway = new ScriptedSender(SmsSendResult.Retryable("503: Temporal failure"), SmsSendResult.Accepted("k-1"));
        await using var n = await StartAsync(sender: gateway);
        var referralId = Guid.NewGuid();
        await n.ConsumedAsync<ReferralSubmitted>(await n.PublishAsync(Submitted(referralId, LatvianFamily)));

        await n.ConsumedAsync<ReferralStatusChanged>(await n.PublishAsync(Changed(referralId, 1, ReferralStatus.Submitted)));
        var waiting = Assert.Single(await n.Store.ListMessagesAsync(referralId, Ct));
        Assert.Equal(SmsState.Created, waiting.State);
        Assert.Equal(1, waiting.Attempts);
        Assert.False(await n.Harness.Published.Any<Fault<ReferralStatusChanged>>(Ct));

        Assert.Equal(1, await n.Resender.ResendDueAsync(Ct));

        var message = Assert.Single(await n.MessagesWhenAsync(referralId, m => m.Count == 1 && m[0].State == SmsState.Accepted));
        Assert.Equal(SmsState.Accepted, message.State);
        Assert.Equal("k-1", message.GatewayReference);
        Assert.Equal(
            [SmsState.Created, SmsState.Sent, SmsState.Created, SmsState.Sent, SmsState.Accepted],
            message.History.Select(h => h.State));
        Assert.Equal(2, gateway.Calls);
    }

    private static async Task WaitForConsumedCountAsync(ConsumeCounter counter, Guid messageId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (counter.Count(messageId) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(count, counter.Count(messageId));
    }

    /// <summary>Counts every consumption, redeliveries included (the harness lists keep one entry per MessageId).</summary>
    private sealed class ConsumeCounter : IConsumeObserver
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _counts = new();

        public int Count(Guid messageId) => _counts.GetValueOrDefault(messageId);

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            _counts.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }

    private sealed class ScriptedSender(params SmsSendResult[] answers) : ISmsSender
    {
        private int _calls;

        public int Calls => _calls;

        public Task<SmsSendResult> SendAsync(SmsRequest request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            return Task.FromResult(answers[Math.Min(call, answers.Length) - 1]);
        }
    }
}
