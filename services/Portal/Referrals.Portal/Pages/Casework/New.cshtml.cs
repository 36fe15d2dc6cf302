using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.Portal.Forms;
using Referrals.Portal.Localisation;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Pages.Casework;

/// <summary>
/// A new referral for the social worker's own municipality: the eligibility pre-check evaluates the facts without
/// storing anything; submit sends everything to Intake and shows its field errors next to the fields.
/// </summary>
public sealed class NewReferralModel(PortalApi api, PortalText text, TimeProvider time) : PageModel
{
    public ReferralForm Form { get; private set; } = new();

    public FormErrors Errors { get; } = new();

    public EligibilityCheck? Check { get; private set; }

    public void OnGet()
    {
        var municipality = User.Actor().Municipality ?? "";
        Form = new ReferralForm
        {
            Municipality = municipality,
            DeclaredMunicipality = municipality,
            ConsentGivenOn = RigaTime.Today(time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        Form = ReferralForm.From(Request.Form, User.Actor().Municipality ?? "");
        Form.CheckDates(Errors, key => text[key]);
        if (Errors.Any)
        {
            return Page();
        }

        var result = await api.PostAsync<EligibilityCheck>("/api/eligibility/check", Form.ToEligibilityCheck(), cancellationToken);
        if (result.Ok)
        {
            Check = result.Value;
        }
        else
        {
            Errors.AddFromApi(result.Errors, text, ReferralForm.CheckFieldNames);
            if (!Errors.Any)
            {
                Errors.Add("form", text["error.unavailable"]);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form = ReferralForm.From(Request.Form, User.Actor().Municipality ?? "");
        Form.CheckDates(Errors, key => text[key]);
        if (Errors.Any)
        {
            return Page();
        }

        var result = await api.PostAsync<SubmittedReferral>("/api/referrals", Form.ToSubmission(), cancellationToken, Form.IdempotencyKey);
        if (result.Ok)
        {
            return Redirect($"/referrals/{result.Value!.Id}?submitted=1");
        }

        Errors.AddFromApi(result.Errors, text);
        if (!Errors.Any)
        {
            Errors.Add("form", text[result.Status == System.Net.HttpStatusCode.Forbidden ? "error.forbidden" : "error.unavailable"]);
        }

        return Page();
    }
}
