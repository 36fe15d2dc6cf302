using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Referrals.Portal.Security;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Pages;

public sealed class SignOutModel(IOptions<IdentityOptions> identity) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await PortalAuthentication.SignOutAsync(HttpContext);
        if (identity.Value.Mode == IdentityMode.Development)
        {
            return RedirectToPage("/SignIn");
        }

        // The identity provider's session ends too (its end_session_endpoint, with the id token as the hint), or the
        // next "sign in" would let the same person straight back in; it sends the browser back to the sign-in page.
        return SignOut(new AuthenticationProperties { RedirectUri = "/sign-in" }, PortalOpenIdConnect.Scheme);
    }
}
