using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;

namespace Referrals.Portal.Pages;

/// <summary>The family's page behind the SMS link: the status and the provider's public contact, nothing else, no sign-in.</summary>
public sealed class StatusModel(PortalApi api) : PageModel
{
    public PublicStatusView? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var result = await api.AnonymousAsync<PublicStatusView>(HttpMethod.Get, "/api/notifications/status/" + Uri.EscapeDataString(token), null, cancellationToken);
        Status = result.Value;
        Response.Headers.CacheControl = "no-store";
        if (!result.Ok)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
