using MassTransit;
using Referrals.Contracts.Intake;
using Referrals.Intake.Audit;
using Referrals.Intake.Referrals;
using Referrals.Intake.Store;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Outbox;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Events;

/// <summary>
/// What every Intake consumer does: check the message fits the referral (a message naming another tenant changes
/// nothing), apply it once (a redelivery changes nothing but re-publishes what is still pending), save under the
/// version guard, record a status change in the audit trail with the message's actor, then publish.
/// </summary>
public sealed partial class ReferralMessages(
    IReferralStore store,
    IAuditTrail audit,
    OutboxPublisher publisher,
    TimeProvider time,
    ILogger<ReferralMessages> logger)
{
    /// <param name="fits">Whether the message may change this referral (see <see cref="MessageFit"/>); null: always.</param>
    /// <param name="actor">The user the message says acted (provider staff), or null for the system.</param>
    public async Task ApplyAsync<T>(
        ConsumeContext<T> context,
        Guid referralId,
        Action<Referral, DateTimeOffset> apply,
        Func<Referral, Fit>? fits = null,
        string? actor = null)
        where T : class
    {
        var messageId = context.DeduplicationId();
        var fit = Fit.Fits;
        ReferralStatus? from = null;
        ReferralStatus? to = null;
        var now = time.GetUtcNow();
        var referral = await store.UpdateAsync(
            referralId,
            r =>
            {
                fit = fits?.Invoke(r) ?? Fit.Fits;
                if (fit != Fit.Fits)
                {
                    return false;
                }

                from = r.Status;
                apply(r, now);
                to = r.Status;
                return true;
            },
            messageId,
            context.CancellationToken);
        if (referral is null)
        {
            // Intake stores a referral before anything about it is published, so this message is not about one of ours.
            LogUnknownReferral(logger, typeof(T).Name, referralId);
            return;
        }

        if (fit == Fit.Early)
        {
            LogEarly(logger, typeof(T).Name, referralId);
            throw new MessageTooEarlyException(typeof(T).Name, referralId);
        }

        if (fit == Fit.Ignore)
        {
            LogNotFitting(logger, typeof(T).Name, referralId);
        }
        else if (from is { } before && to is { } after && before != after)
        {
            // Derived from the message id: a redelivery after a crash between the two writes adds nothing twice.
            await audit.AppendAsync(
                new AuditEntry($"{messageId:N}-status", now, actor ?? AuditActions.System, actor is null ? AuditActions.System : Roles.ProviderStaff,
                    AuditActions.StatusChanged, referralId, referral.Client.ClientId, $"{typeof(T).Name}: {before}->{after}"),
                context.CancellationToken);
        }

        await publisher.PublishAsync(store.Outbox, referral, context, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{MessageType} for unknown referral {ReferralId} ignored")]
    private static partial void LogUnknownReferral(ILogger logger, string messageType, Guid referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} for referral {ReferralId} answers an offer not received yet; retried later")]
    private static partial void LogEarly(ILogger logger, string messageType, Guid referralId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{MessageType} does not fit referral {ReferralId} (another provider, offer or service); ignored")]
    private static partial void LogNotFitting(ILogger logger, string messageType, Guid referralId);
}
