using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Security;

namespace Referrals.Portal.Pages;

public sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await PortalAuthentication.SignOutAsync(HttpContext);
        return RedirectToPage("/SignIn");
    }
}
