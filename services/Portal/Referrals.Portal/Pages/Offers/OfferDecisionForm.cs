using Referrals.Portal.Api;
using Referrals.Portal.Forms;

namespace Referrals.Portal.Pages.Offers;

/// <summary>
/// What the accept and decline forms of one pending offer need (shared by the inbox and the offer page; both post to
/// the inbox's handlers, which show any error beside the offer).
/// </summary>
public sealed record OfferDecisionForm(OfferView Offer, FormErrors Errors, bool Failed);
