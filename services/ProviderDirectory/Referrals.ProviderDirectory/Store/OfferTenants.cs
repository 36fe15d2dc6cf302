using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Requests;

namespace Referrals.ProviderDirectory.Store;

/// <summary>
/// Offers projected before the referring municipality was kept on them get it from their placement request, so the
/// lists narrowed to a social worker's municipality or a coordinator's region do not lose them.
/// </summary>
internal static class OfferTenants
{
    public static void Backfill(
        IEnumerable<OfferDocument> lacking, IDocumentCollection<OfferDocument> offers, IDocumentCollection<PlacementRequestDocument> requests)
    {
        foreach (var offer in lacking)
        {
            var request = requests.FindAsync(PlacementRequestDocument.IdOf(offer.ReferralId)).GetAwaiter().GetResult();
            if (request is { Municipality.Length: > 0 })
            {
                offers.UpdateAsync(offer.Id, o =>
                {
                    if (o.Municipality.Length > 0)
                    {
                        return false;
                    }

                    o.Municipality = request.Municipality;
                    return true;
                }).GetAwaiter().GetResult();
            }
        }
    }
}
