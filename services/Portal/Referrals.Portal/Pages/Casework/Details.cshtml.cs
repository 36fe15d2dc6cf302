using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.Portal.Forms;
using Referrals.Portal.Localisation;

namespace Referrals.Portal.Pages.Casework;

/// <summary>
/// One referral: status, timeline, the eligibility explanation rule by rule, the offer or placement, the candidate
/// providers and why, the SMS with their delivery states; withdraw and close.
/// </summary>
public sealed class ReferralDetailsModel(PortalApi api, PortalText text) : PageModel
{
    public static readonly IReadOnlyList<string> Outcomes = ["NeedMet", "PartiallyMet", "NotMet", "NoLongerNeeded", "ReferredElsewhere"];

    private static readonly string[] Final = ["Rejected", "Withdrawn", "Closed"];

    public ReferralView? Referral { get; private set; }

    public PlacementRequestView? Placement { get; private set; }

    public IReadOnlyList<NotificationView> Sms { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public bool CanWithdraw => Referral is { } r && !Final.Contains(r.Status) && r.Status != "Placed";

    public bool CanClose => Referral?.Status == "Placed";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : Missing();

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            Errors.Add("reason", text["error.reason"]);
            return await LoadAsync(id, cancellationToken) ? Page() : Missing();
        }

        var result = await api.PostAsync<ReferralView>($"/api/referrals/{id}/withdraw", new { reason }, cancellationToken);
        return await AfterAsync(id, result, "withdrawn", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, string? outcome, string? note, CancellationToken cancellationToken)
    {
        if (outcome is null || !Outcomes.Contains(outcome))
        {
            Errors.Add("outcome", text["error.outcome"]);
            return await LoadAsync(id, cancellationToken) ? Page() : Missing();
        }

        var result = await api.PostAsync<ReferralView>($"/api/referrals/{id}/close", new { outcome, note }, cancellationToken);
        return await AfterAsync(id, result, "closed", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, ApiResult<ReferralView> result, string done, CancellationToken cancellationToken)
    {
        if (result.Ok)
        {
            return Redirect($"/referrals/{id}?done={done}");
        }

        Errors.AddFromApi(result.Errors, text);
        if (!Errors.Any)
        {
            Errors.Add("actions", text[result.Status == System.Net.HttpStatusCode.Conflict ? "error.conflict" : "error.unavailable"]);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : Missing();
    }

    /// <summary>Unknown and foreign referrals alike (the API does not say which): a page in the user's language, status 404.</summary>
    private PageResult Missing()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var referral = await api.GetAsync<ReferralView>($"/api/referrals/{id}", cancellationToken);
        if (!referral.Ok)
        {
            return false;
        }

        Referral = referral.Value;
        var placement = api.GetAsync<PlacementRequestView>($"/api/providers/referrals/{id}", cancellationToken);
        var sms = api.GetAsync<List<NotificationView>>($"/api/notifications?referralId={id}", cancellationToken);
        Placement = (await placement).Value;
        Sms = (await sms).Value ?? [];
        return true;
    }
}
