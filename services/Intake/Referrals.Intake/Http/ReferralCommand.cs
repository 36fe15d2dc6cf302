using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Intake.Access;
using Referrals.Intake.Audit;
using Referrals.Intake.Protection;
using Referrals.Intake.Read;
using Referrals.Intake.Referrals;
using Referrals.Intake.Store;
using Referrals.Messaging.Outbox;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Http;

/// <summary>
/// A social worker's command on one referral of their municipality (another municipality's is 404): a
/// version-guarded change, an audit line, then the events it raised go out.
/// </summary>
public sealed class ReferralCommand(
    IReferralStore store,
    PersonalDataProtector protector,
    AuditRecorder audit,
    OutboxPublisher publisher,
    IPublishEndpoint publishEndpoint)
{
    /// <param name="action">The audit action (see <see cref="AuditActions"/>).</param>
    /// <param name="command">Applies the change; false when the referral's state does not allow it.</param>
    /// <param name="refused">The 409 to answer when <paramref name="command"/> refused.</param>
    /// <param name="applied">Runs once the change is stored (e.g. to log the referral id).</param>
    public async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Actor actor,
        Guid id,
        string action,
        Func<Referral, bool> command,
        Func<Referral, ProblemHttpResult> refused,
        Action applied,
        CancellationToken cancellationToken)
    {
        // The municipality of a referral never changes, so checking it before the guarded update is enough.
        if (await store.FindAsync(id, cancellationToken) is not { } found || !actor.CanChangeReferralOf(found.Municipality))
        {
            return Problems.NotFound(id);
        }

        var done = false;
        var referral = await store.UpdateAsync(id, r => done = command(r), messageId: null, cancellationToken);
        if (referral is null)
        {
            return Problems.NotFound(id);
        }

        if (!done)
        {
            return refused(referral);
        }

        applied();
        await audit.RecordAsync(actor, action, id, referral.Client.ClientId, $"status={referral.Status}", cancellationToken);
        await publisher.PublishAsync(store.Outbox, referral, publishEndpoint, cancellationToken);
        return TypedResults.Ok(ReferralView.From(referral, Disclosure.Full, protector));
    }
}
