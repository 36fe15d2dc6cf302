using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Requests;
using Referrals.ProviderDirectory.Security;
using Referrals.ProviderDirectory.Store;
using Referrals.Reference;
using Referrals.ServiceDefaults.Http;
using Referrals.ServiceDefaults.Security;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>
/// GET /api/providers/offers (filtered by provider, referral, status) and GET /api/providers/offers/{offerId}.
/// Provider staff see their provider's offers, a social worker those of their municipality's referrals, a coordinator
/// those of their region; a list is narrowed to the caller's tenant, another tenant's single offer is not found.
/// </summary>
public static class ListOffers
{
    public static RouteGroupBuilder MapOfferQueries(this RouteGroupBuilder group)
    {
        group.MapGet("/offers", ListAsync).RequireAuthorization(OfferReaders);
        group.MapGet("/offers/{offerId:guid}", GetAsync).RequireAuthorization(OfferReaders);
        return group;
    }

    private static Action<AuthorizationPolicyBuilder> OfferReaders =>
        Tenancy.AnyOf(Roles.ProviderStaff, Roles.SocialWorker, Roles.Coordinator);

    public static async Task<Results<Ok<List<OfferView>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? providerId, string? referralId, string? status, HttpContext http, IDirectoryStore store, CancellationToken cancellationToken)
    {
        Guid? referral = null;
        if (!string.IsNullOrEmpty(referralId))
        {
            if (!Guid.TryParse(referralId, out var parsed))
            {
                return TypedResults.ValidationProblem(JsonBody.Error("referralId", "Must be a referral id (GUID)."));
            }

            referral = parsed;
        }

        OfferStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<OfferStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsAsciiDigit(status[0]))
            {
                return TypedResults.ValidationProblem(JsonBody.Error("status", "Must be Pending, Accepted, Declined, Cancelled or Lapsed."));
            }

            wanted = parsed;
        }

        var actor = http.User.Actor();
        var provider = string.IsNullOrEmpty(providerId) ? null : providerId;
        IReadOnlyCollection<string>? municipalities = null;
        if (actor.IsProviderStaff)
        {
            if (provider is not null && !actor.IsOwnProvider(provider))
            {
                return Errors.Forbidden("Provider staff see only the offers made to their own provider.");
            }

            provider = actor.ProviderId ?? "";
        }
        else
        {
            municipalities = actor.ReadableMunicipalities(Municipalities.Regions);
        }

        var offers = await store.FindOffersAsync(provider, referral, wanted, municipalities, cancellationToken);
        return TypedResults.Ok(offers.Select(OfferView.Of).ToList());
    }

    public static async Task<Results<Ok<OfferView>, ProblemHttpResult>> GetAsync(
        Guid offerId, HttpContext http, IDirectoryStore store, CancellationToken cancellationToken)
    {
        var offer = await store.Offers.FindAsync(OfferDocument.IdOf(offerId), cancellationToken);
        return offer is null || !await CanReadAsync(http.User.Actor(), offer, store, cancellationToken)
            ? Errors.NotFound($"No offer {offerId}.")
            : TypedResults.Ok(OfferView.Of(offer));
    }

    private static async Task<bool> CanReadAsync(Actor actor, OfferDocument offer, IDirectoryStore store, CancellationToken cancellationToken)
    {
        if (actor.IsProviderStaff)
        {
            return actor.IsOwnProvider(offer.ProviderId);
        }

        // An offer projected before the municipality was kept on it: its placement request knows.
        var municipality = offer.Municipality.Length > 0
            ? offer.Municipality
            : (await store.Requests.FindAsync(PlacementRequestDocument.IdOf(offer.ReferralId), cancellationToken))?.Municipality ?? "";
        return actor.CanReadReferralOf(municipality, Municipalities.RegionOf);
    }
}
