using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.Portal.Forms;
using Referrals.Portal.Localisation;

namespace Referrals.Portal.Pages.Offers;

/// <summary>
/// The provider's inbox: offers made to it (ids, service and dates only: the minimum a provider may see before it
/// accepts), accept, or decline with a reason; and the placements it accepted. Each opens on its own page (OfferModel).
/// </summary>
public sealed class OffersModel(PortalApi api, PortalText text) : PageModel
{
    public static IReadOnlyList<string> DeclineReasons => OfferDecisions.DeclineReasons;

    public IReadOnlyList<OfferView> Pending { get; private set; } = [];

    /// <summary>The provider's current placements: the offers it accepted.</summary>
    public IReadOnlyList<OfferView> Placements { get; private set; } = [];

    public IReadOnlyList<OfferView> Decided { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public Guid? FailedOffer { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(Guid offerId, CancellationToken cancellationToken) =>
        await AfterAsync(offerId, await OfferDecisions.AcceptAsync(api, offerId, cancellationToken), "accepted", cancellationToken);

    public async Task<IActionResult> OnPostDeclineAsync(Guid offerId, string? reason, string? note, CancellationToken cancellationToken)
    {
        var result = await OfferDecisions.DeclineAsync(api, text, offerId, reason, note, Errors, cancellationToken);
        if (result is null)
        {
            FailedOffer = offerId;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return await AfterAsync(offerId, result, "declined", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid offerId, ApiResult<OfferView> result, string done, CancellationToken cancellationToken)
    {
        if (result.Ok)
        {
            // An accepted offer opens the placement: the client's details are what staff need next.
            return Redirect(done == "accepted" ? $"/offers/{offerId}?done=accepted" : "/offers?done=" + done);
        }

        FailedOffer = offerId;
        OfferDecisions.Explain(result, text, offerId, Errors);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var offers = (await api.GetAsync<List<OfferView>>("/api/providers/offers", cancellationToken)).Value ?? [];
        Pending = offers.Where(o => o.Status == "Pending").OrderBy(o => o.OfferedAt).ToList();
        Placements = offers.Where(o => o.Status == "Accepted").OrderByDescending(o => o.DecidedAt ?? o.OfferedAt).ToList();
        Decided = offers.Where(o => o.Status is not "Pending" and not "Accepted").OrderByDescending(o => o.DecidedAt ?? o.OfferedAt).ToList();
    }
}
