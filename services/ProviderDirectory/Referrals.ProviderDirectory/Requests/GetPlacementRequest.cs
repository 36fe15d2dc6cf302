using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Security;
using Referrals.ProviderDirectory.Store;
using Referrals.Reference;
using Referrals.ServiceDefaults.Security;

namespace Referrals.ProviderDirectory.Requests;

public sealed record PlacementRequestView(
    Guid ReferralId,
    string Status,
    string ServiceType,
    int Attempt,
    IReadOnlyList<RankedCandidate> Candidates,
    Guid? CurrentOfferId,
    int? WaitlistPosition,
    IReadOnlyList<string> DeclinedBy);

/// <summary>
/// GET /api/providers/referrals/{referralId}: where placing one referral stands and why; for the social workers of the
/// referring municipality and the coordinator of its region (another tenant's referral is not found).
/// </summary>
public static class GetPlacementRequest
{
    public static RouteGroupBuilder MapPlacementRequests(this RouteGroupBuilder group)
    {
        group.MapGet("/referrals/{referralId:guid}", HandleAsync)
            .RequireAuthorization(Tenancy.AnyOf(Roles.SocialWorker, Roles.Coordinator));
        return group;
    }

    public static async Task<Results<Ok<PlacementRequestView>, ProblemHttpResult>> HandleAsync(
        Guid referralId, HttpContext http, IDirectoryStore store, CancellationToken cancellationToken)
    {
        var request = await store.Requests.FindAsync(PlacementRequestDocument.IdOf(referralId), cancellationToken);
        if (request is null || !http.User.Actor().CanReadReferralOf(request.Municipality, Municipalities.RegionOf))
        {
            return Errors.NotFound($"No placement request for referral {referralId}.");
        }

        int? position = null;
        if (request.Status == PlacementStatus.Waitlisted)
        {
            var waiting = await store.WaitlistedAsync(request.ServiceType, cancellationToken);
            position = waiting.ToList().FindIndex(w => w.Id == request.Id) + 1;
        }

        return TypedResults.Ok(new PlacementRequestView(
            request.ReferralId,
            request.Status.ToString(),
            request.ServiceType,
            request.Attempt,
            request.Candidates,
            request.CurrentOffer?.OfferId,
            position,
            [.. request.DeclinedBy.Select(d => d.ProviderId)]));
    }
}
