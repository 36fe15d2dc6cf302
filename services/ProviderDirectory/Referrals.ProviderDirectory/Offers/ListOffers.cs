using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.Store;

using Referrals.ServiceDefaults.Http;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>GET /api/providers/offers (filtered by provider, referral, status) and GET /api/providers/offers/{offerId}.</summary>
public static class ListOffers
{
    public static RouteGroupBuilder MapOfferQueries(this RouteGroupBuilder group)
    {
        group.MapGet("/offers", ListAsync);
        group.MapGet("/offers/{offerId:guid}", GetAsync);
        return group;
    }

    public static async Task<Results<Ok<List<OfferView>>, ValidationProblem>> ListAsync(
        string? providerId, string? referralId, string? status, IDirectoryStore store, CancellationToken cancellationToken)
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

        var offers = await store.FindOffersAsync(string.IsNullOrEmpty(providerId) ? null : providerId, referral, wanted, cancellationToken);
        return TypedResults.Ok(offers.Select(OfferView.Of).ToList());
    }

    public static async Task<Results<Ok<OfferView>, ProblemHttpResult>> GetAsync(
        Guid offerId, IDirectoryStore store, CancellationToken cancellationToken)
    {
        var offer = await store.Offers.FindAsync(OfferDocument.IdOf(offerId), cancellationToken);
        return offer is null ? Errors.NotFound($"No offer {offerId}.") : TypedResults.Ok(OfferView.Of(offer));
    }
}
