using System.Net;
using Referrals.Portal.Api;
using Referrals.Portal.Forms;
using Referrals.Portal.Localisation;

namespace Referrals.Portal.Pages.Offers;

/// <summary>
/// Accepting and declining an offer, the same from the inbox and from the offer page: the same checks before the call,
/// the same errors after it, each next to the offer's own fields.
/// </summary>
public static class OfferDecisions
{
    public static readonly IReadOnlyList<string> DeclineReasons =
        ["NoCapacity", "NotEligible", "MissingDocuments", "OutOfServiceArea", "ClientRefused", "Other"];

    public static Task<ApiResult<OfferView>> AcceptAsync(PortalApi api, Guid offerId, CancellationToken cancellationToken) =>
        api.PostAsync<OfferView>($"/api/providers/offers/{offerId}/accept", null, cancellationToken);

    /// <summary>Null when the form was refused before asking the platform (the reasons are in <paramref name="errors"/>).</summary>
    public static async Task<ApiResult<OfferView>?> DeclineAsync(
        PortalApi api, PortalText text, Guid offerId, string? reason, string? note, FormErrors errors, CancellationToken cancellationToken)
    {
        if (reason is null || !DeclineReasons.Contains(reason))
        {
            errors.Add("reason", text["error.declineReason"]);
        }
        else if (reason == "Other" && string.IsNullOrWhiteSpace(note))
        {
            errors.Add("text", text["error.declineText"]);
        }

        if (errors.Any)
        {
            PointAt(errors, offerId);
            return null;
        }

        return await api.PostAsync<OfferView>(
            $"/api/providers/offers/{offerId}/decline", new { reason, text = string.IsNullOrWhiteSpace(note) ? null : note }, cancellationToken);
    }

    /// <summary>What a refused accept or decline means for the user, under the offer's fields.</summary>
    public static void Explain(ApiResult<OfferView> result, PortalText text, Guid offerId, FormErrors errors)
    {
        PointAt(errors, offerId);
        errors.AddFromApi(result.Errors, text);
        if (!errors.Any)
        {
            errors.Add("offers", text[result.Status == HttpStatusCode.Conflict ? "error.offerConflict" : "error.unavailable"]);
        }
    }

    private static void PointAt(FormErrors errors, Guid offerId)
    {
        errors.Anchor("reason", "reason-" + offerId.ToString("N"));
        errors.Anchor("text", "note-" + offerId.ToString("N"));
    }
}
