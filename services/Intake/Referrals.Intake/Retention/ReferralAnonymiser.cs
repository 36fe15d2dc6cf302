using MassTransit;
using Microsoft.Extensions.Options;
using Referrals.Intake.Audit;
using Referrals.Intake.Referrals;
using Referrals.Intake.Store;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Retention;

/// <summary>
/// One retention pass: every final referral not updated for <see cref="RetentionOptions.Period"/> loses the client's
/// personal data (see <see cref="ReferralStateMachine.Anonymise"/>); ReferralAnonymised goes out through the outbox of
/// the same write, and the audit trail gets a line by <c>system</c>.
/// </summary>
public sealed partial class ReferralAnonymiser(
    IReferralStore store,
    IAuditTrail audit,
    OutboxPublisher publisher,
    IBus bus,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<ReferralAnonymiser> logger)
{
    /// <returns>How many referrals were anonymised.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = await store.ListExpiredAsync(now - options.Value.Period, options.Value.BatchSize, cancellationToken);
        var count = 0;
        foreach (var candidate in expired)
        {
            var id = candidate.ReferralGuid();
            var done = false;
            var referral = await store.UpdateAsync(id, r => done = r.UpdatedAt < now - options.Value.Period && ReferralStateMachine.Anonymise(r, now),
                messageId: null, cancellationToken);
            if (referral is null || !done)
            {
                continue;
            }

            count++;
            await audit.AppendAsync(
                new AuditEntry($"{id:N}-anonymised", now, AuditActions.System, AuditActions.System, AuditActions.Anonymised, id,
                    referral.Client.ClientId, "retention period ended"),
                cancellationToken);
            await publisher.PublishAsync(store.Outbox, referral, bus, cancellationToken);
            LogAnonymised(logger, id);
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} anonymised after its retention period")]
    private static partial void LogAnonymised(ILogger logger, Guid referralId);
}
