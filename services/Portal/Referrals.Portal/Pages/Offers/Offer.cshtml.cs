using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.Portal.Forms;
using Referrals.Portal.Localisation;

namespace Referrals.Portal.Pages.Offers;

/// <summary>
/// One offer of the provider and its referral, as much of it as the platform gives this provider: while the offer is
/// pending the minimum (no names, personal code, address or phone); once accepted, what staff need to start the service
/// (the client, the family's contact, the documents). Another provider's offer is not found, as in the API.
/// </summary>
public sealed class OfferModel(PortalApi api, PortalText text) : PageModel
{
    public OfferView? Offer { get; private set; }

    /// <summary>Null when the platform no longer shows the referral to this provider (declined, withdrawn) or not yet.</summary>
    public ReferralView? Referral { get; private set; }

    /// <summary>The public contact of the referring municipality's social service, when the directory has it.</summary>
    public HsdsContact? SocialService { get; private set; }

    public FormErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public bool IsPlacement => Offer?.Status == "Accepted";

    /// <summary>Accepted, but the referral still shows the minimum: the placement has not reached the referral yet.</summary>
    public bool DetailsPending => IsPlacement && Referral is not null && Referral.Disclosure != "Full";

    public async Task<IActionResult> OnGetAsync(Guid offerId, CancellationToken cancellationToken) =>
        await LoadAsync(offerId, cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(Guid offerId, CancellationToken cancellationToken) =>
        await AfterAsync(offerId, await OfferDecisions.AcceptAsync(api, offerId, cancellationToken), "accepted", cancellationToken);

    public async Task<IActionResult> OnPostDeclineAsync(Guid offerId, string? reason, string? note, CancellationToken cancellationToken)
    {
        var result = await OfferDecisions.DeclineAsync(api, text, offerId, reason, note, Errors, cancellationToken);
        return result is null
            ? await LoadAsync(offerId, cancellationToken)
            : await AfterAsync(offerId, result, "declined", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid offerId, ApiResult<OfferView> result, string done, CancellationToken cancellationToken)
    {
        if (result.Ok)
        {
            // Accepted: this page again, now with the client's details; declined: the offer is no longer this provider's.
            return Redirect(done == "accepted" ? $"/offers/{offerId}?done=accepted" : "/offers?done=declined");
        }

        OfferDecisions.Explain(result, text, offerId, Errors);
        return await LoadAsync(offerId, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid offerId, CancellationToken cancellationToken)
    {
        var offer = await api.GetAsync<OfferView>($"/api/providers/offers/{offerId}", cancellationToken);
        if (!offer.Ok)
        {
            // Unknown and another provider's offers alike (the API does not say which): the page in the user's language, 404.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Offer = offer.Value;
        if (Offer!.Status is "Pending" or "Accepted")
        {
            Referral = (await api.GetAsync<ReferralView>($"/api/referrals/{Offer.ReferralId}", cancellationToken)).Value;
            if (Referral is not null && SocialServiceOffices.IdOf(Referral.Municipality) is { } office)
            {
                // Only the office of the referral's own municipality (a mislabelled source row keys another one's office).
                var contact = (await api.GetAsync<HsdsContact>($"/api/providers/organizations/{office}", cancellationToken)).Value;
                SocialService = contact?.Municipality == Referral.Municipality ? contact : null;
            }
        }

        return Page();
    }
}
