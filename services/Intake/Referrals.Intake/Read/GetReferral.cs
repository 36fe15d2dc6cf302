using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Intake.Access;
using Referrals.Intake.Audit;
using Referrals.Intake.Http;
using Referrals.Intake.Protection;
using Referrals.Intake.Store;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Read;

/// <summary>
/// <c>GET /api/referrals/{id}</c>: the referral with its timeline, as much of it as the caller may see
/// (<see cref="ReferralAccess.ViewFor"/>). The read is audited before anything is returned.
/// </summary>
public static class GetReferral
{
    public static RouteHandlerBuilder MapGetReferral(this RouteGroupBuilder group) =>
        group.MapGet("{id:guid}", HandleAsync)
            .WithName("GetReferral")
            .WithSummary("One referral with its timeline (social workers, the region's coordinators, the offered or placing provider)")
            .RequireAuthorization(policy => policy.RequireRole(Roles.SocialWorker, Roles.Coordinator, Roles.ProviderStaff));

    public static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> HandleAsync(
        Guid id,
        HttpContext http,
        IReferralStore store,
        PersonalDataProtector protector,
        AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var actor = http.User.Actor();
        if (await store.FindAsync(id, cancellationToken) is not { } referral || ReferralAccess.ViewFor(actor, referral) is not { } disclosure)
        {
            return Problems.NotFound(id);
        }

        // No audit line, no data: a failed write ends the request here.
        await audit.RecordAsync(actor, AuditActions.Read, id, referral.Client.ClientId, "view=" + disclosure, cancellationToken);
        return TypedResults.Ok(ReferralView.From(referral, disclosure, protector));
    }
}
