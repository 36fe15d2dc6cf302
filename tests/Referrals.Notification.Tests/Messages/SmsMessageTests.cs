using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Encoding;
using Referrals.Notification.Messages;
using Xunit;

namespace Referrals.Notification.Tests.Messages;

public sealed class SmsMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_message_is_Created_with_its_key_text_and_a_Created_event()
    {
        var referralId = Guid.NewGuid();

        var message = New(referralId);

        Assert.Equal($"{referralId}:7", message.Id);
        Assert.Equal(SmsState.Created, message.State);
        var entry = Assert.Single(message.History);
        Assert.Equal(SmsState.Created, entry.State);
        var (raised, _) = MessageJson.Unwrap(Assert.Single(message.Outbox));
        var changed = Assert.IsType<SmsStatusChanged>(raised);
        Assert.Equal(new SmsStatusChanged(changed.EventId, referralId, Now, message.SmsId, 7, SmsState.Created, null), changed);
        Assert.Equal(changed.EventId, message.Outbox[0].MessageId);
    }

    [Fact]
    public void Each_state_change_is_recorded_and_raised_in_the_same_document()
    {
        var message = New(Guid.NewGuid());

        Assert.True(message.MoveTo(SmsState.Sent, Now.AddSeconds(1), null));
        Assert.True(message.MoveTo(SmsState.Accepted, Now.AddSeconds(2), "0: Accepted for delivery"));
        Assert.True(message.MoveTo(SmsState.Delivered, Now.AddSeconds(3), null));

        Assert.Equal([SmsState.Created, SmsState.Sent, SmsState.Accepted, SmsState.Delivered], message.History.Select(h => h.State));
        Assert.Equal(
            [SmsState.Created, SmsState.Sent, SmsState.Accepted, SmsState.Delivered],
            message.Outbox.Select(e => ((SmsStatusChanged)MessageJson.Unwrap(e).Message).State));
    }

    [Theory]
    [InlineData(SmsState.Created, SmsState.Accepted)]
    [InlineData(SmsState.Created, SmsState.Created)]
    [InlineData(SmsState.Accepted, SmsState.Sent)]
    [InlineData(SmsState.Delivered, SmsState.Failed)]
    [InlineData(SmsState.Failed, SmsState.Sent)]
    public void Illegal_moves_change_nothing(SmsState from, SmsState to)
    {
        var message = New(Guid.NewGuid());
        message.State = from;
        var history = message.History.Count;

        Assert.False(message.MoveTo(to, Now, null));

        Assert.Equal(from, message.State);
        Assert.Equal(history, message.History.Count);
        Assert.Single(message.Outbox);
    }

    [Fact]
    public void The_text_and_number_never_travel_in_the_event()
    {
        var message = New(Guid.NewGuid());

        Assert.DoesNotContain("20000001", message.Outbox[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("atsaukts", message.Outbox[0].Body, StringComparison.Ordinal);
    }

    private static SmsMessage New(Guid referralId) =>
        SmsMessage.Create(referralId, 7, ReferralStatus.Withdrawn, "lv", "+37120000001", "Nosūtījums R-7K3F9Q ir atsaukts.",
            new SmsSize(SmsAlphabet.Ucs2, 32, 1), Now);
}
