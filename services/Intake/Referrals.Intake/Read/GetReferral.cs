using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Intake.Http;
using Referrals.Intake.Store;

namespace Referrals.Intake.Read;

/// <summary><c>GET /api/referrals/{id}</c>: the whole referral with its timeline, oldest line first.</summary>
public static class GetReferral
{
    public static RouteHandlerBuilder MapGetReferral(this RouteGroupBuilder group) =>
        group.MapGet("{id:guid}", HandleAsync)
            .WithName("GetReferral")
            .WithSummary("One referral with its timeline");

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> HandleAsync(
        Guid id,
        IReferralStore store,
        CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } referral
            ? TypedResults.Ok(ReferralView.From(referral))
            : Problems.NotFound(id);
}
