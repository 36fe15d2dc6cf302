using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Intake.Read;
using Referrals.Intake.Referrals;
using Referrals.Intake.Store;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Http;

/// <summary>A social worker's command on one referral: a version-guarded change, then the events it raised go out.</summary>
public static class ReferralCommand
{
    /// <param name="command">Applies the change; false when the referral's state does not allow it.</param>
    /// <param name="refused">The 409 to answer when <paramref name="command"/> refused.</param>
    /// <param name="applied">Runs once the change is stored (e.g. to log the referral id).</param>
    public static async Task<Results<Ok<ReferralView>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid id,
        Func<Referral, bool> command,
        Func<Referral, ProblemHttpResult> refused,
        Action applied,
        IReferralStore store,
        OutboxPublisher publisher,
        IPublishEndpoint publishEndpoint,
        CancellationToken cancellationToken)
    {
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
        await publisher.PublishAsync(store.Outbox, referral, publishEndpoint, cancellationToken);
        return TypedResults.Ok(ReferralView.From(referral));
    }
}
