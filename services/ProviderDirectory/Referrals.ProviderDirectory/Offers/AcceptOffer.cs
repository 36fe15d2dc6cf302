using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ServiceDefaults.Security;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>
/// POST /api/providers/offers/{offerId}/accept: takes a free place in the same write that closes the offer.
/// With no place left the offer lapses (declined, NoCapacity) and the referral moves on: 409. Only staff of the provider
/// the offer was made to; another provider's offer is not found.
/// </summary>
public static class AcceptOffer
{
    public static RouteGroupBuilder MapAcceptOffer(this RouteGroupBuilder group)
    {
        group.MapPost("/offers/{offerId:guid}/accept", HandleAsync).RequireAuthorization(Roles.ProviderStaff);
        return group;
    }

    public static async Task<Results<Ok<OfferView>, ProblemHttpResult>> HandleAsync(
        Guid offerId, HttpContext http, DecideOffer decisions, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var actor = http.User.Actor();
        var (result, offer) = await decisions.DecideAsync(
            offerId, actor.ProviderId ?? "", (s, now) => s.Accept(offerId, actor.Id, now), null, publisher, cancellationToken);
        return result switch
        {
            null => Errors.NotFound($"No offer {offerId}."),
            DecisionResult.Accepted => TypedResults.Ok(OfferView.Of(offer!)),
            DecisionResult.NoCapacity => Errors.Conflict("No free place left: the offer lapsed and the referral moves on."),
            _ => Errors.Conflict("The offer is not pending (accepted, declined, cancelled, or the referral moved on)."),
        };
    }
}
