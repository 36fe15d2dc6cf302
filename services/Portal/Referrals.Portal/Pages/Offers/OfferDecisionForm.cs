using Referrals.Portal.Api;
using Referrals.Portal.Forms;

namespace Referrals.Portal.Pages.Offers;

/// <summary>
/// What the accept and decline forms of one pending offer need, on the inbox and on the offer page: each page posts to
/// its own handlers (<see cref="OfferDecisions"/>) and shows any error beside the offer.
/// </summary>
public sealed record OfferDecisionForm(OfferView Offer, FormErrors Errors, bool Failed, bool OnOfferPage)
{
    public string Page => OnOfferPage ? "/Offers/Offer" : "/Offers/Index";

    public Dictionary<string, string> RouteValues =>
        OnOfferPage ? new() { ["offerId"] = Offer.OfferId.ToString() } : [];
}
