using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Intake.Access;
using Referrals.Intake.Audit;
using Referrals.Intake.Protection;
using Referrals.Intake.Read;
using Referrals.Intake.Store;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Export;

/// <summary>
/// <c>GET /api/referrals/clients/{clientId}/export</c>: everything the municipality holds about one client (a
/// data-subject access export): all their referrals with personal data, consent and history. Audited before it is
/// returned.
/// </summary>
public static class ExportClient
{
    public const int Limit = 1000;

    public static RouteHandlerBuilder MapExportClient(this RouteGroupBuilder group) =>
        group.MapGet("clients/{clientId:guid}/export", HandleAsync)
            .WithName("ExportClient")
            .WithSummary("All referrals of one client with all their data (data-subject export)")
            .RequireAuthorization(Roles.SocialWorker);

    public static async Task<Results<Ok<ClientExport>, ProblemHttpResult>> HandleAsync(
        Guid clientId,
        HttpContext http,
        IReferralStore store,
        PersonalDataProtector protector,
        AuditRecorder audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var actor = http.User.Actor();
        var referrals = ReferralAccess.OwnMunicipality(actor) is { } municipality
            ? await store.ListByClientAsync(municipality, clientId, Limit, cancellationToken)
            : [];
        if (referrals.Count == 0)
        {
            return TypedResults.Problem(
                title: "Client not found",
                detail: $"There is no client {clientId} in your municipality.",
                statusCode: StatusCodes.Status404NotFound);
        }

        await audit.RecordAsync(actor, AuditActions.Exported, null, clientId, $"referrals={referrals.Count}", cancellationToken);
        return TypedResults.Ok(new ClientExport(
            clientId,
            time.GetUtcNow(),
            referrals.Select(r => new ExportedReferral(ReferralView.From(r, Disclosure.Full, protector), r.WithdrawReason, r.OutcomeNote)).ToList()));
    }
}

public sealed record ClientExport(Guid ClientId, DateTimeOffset ExportedAt, IReadOnlyList<ExportedReferral> Referrals);

/// <param name="WithdrawReason">The social worker's reason, when withdrawn.</param>
/// <param name="OutcomeNote">The social worker's note, when closed.</param>
public sealed record ExportedReferral(ReferralView Referral, string? WithdrawReason, string? OutcomeNote);
