using MassTransit;
using Referrals.Intake.Referrals;
using Referrals.Intake.Store;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Events;

/// <summary>
/// What every Intake consumer does: apply the message to its referral once (a redelivery changes nothing but
/// re-publishes what is still pending), save under the version guard, then publish the events the change raised.
/// </summary>
public sealed partial class ReferralMessages(
    IReferralStore store,
    OutboxPublisher publisher,
    TimeProvider time,
    ILogger<ReferralMessages> logger)
{
    public async Task ApplyAsync<T>(ConsumeContext<T> context, Guid referralId, Action<Referral, DateTimeOffset> apply)
        where T : class
    {
        var referral = await store.UpdateAsync(
            referralId,
            r =>
            {
                apply(r, time.GetUtcNow());
                return true;
            },
            context.DeduplicationId(),
            context.CancellationToken);
        if (referral is null)
        {
            // Intake stores a referral before anything about it is published, so this message is not about one of ours.
            LogUnknownReferral(logger, typeof(T).Name, referralId);
            return;
        }

        await publisher.PublishAsync(store.Outbox, referral, context, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{MessageType} for unknown referral {ReferralId} ignored")]
    private static partial void LogUnknownReferral(ILogger logger, string messageType, Guid referralId);
}
