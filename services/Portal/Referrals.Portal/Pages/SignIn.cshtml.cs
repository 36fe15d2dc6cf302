using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Referrals.Portal.Api;
using Referrals.Portal.Security;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Pages;

/// <summary>
/// The built-in sign-in of the embedded default and development runs: pick a demo user, the platform issues their
/// token, the portal keeps it in its cookie. With an external identity provider this page only says so.
/// </summary>
public sealed class SignInModel(PortalApi api, IOptions<IdentityOptions> identity) : PageModel
{
    public bool Development => identity.Value.Mode == IdentityMode.Development;

    public IReadOnlyList<DemoUserView>? Users { get; private set; }

    public bool Failed { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadUsersAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? userId, CancellationToken cancellationToken)
    {
        if (!Development || string.IsNullOrEmpty(userId))
        {
            return RedirectToPage();
        }

        var token = await api.AnonymousAsync<DevelopmentToken>(HttpMethod.Post, "/auth/dev/token", new { userId }, cancellationToken);
        if (!token.Ok)
        {
            Failed = true;
            await LoadUsersAsync(cancellationToken);
            return Page();
        }

        var issued = token.Value!;
        await PortalAuthentication.SignInAsync(HttpContext, issued.User, issued.AccessToken, TimeSpan.FromSeconds(issued.ExpiresIn));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task LoadUsersAsync(CancellationToken cancellationToken)
    {
        if (Development)
        {
            var users = await api.AnonymousAsync<List<DemoUserView>>(HttpMethod.Get, "/auth/dev/users", null, cancellationToken);
            Users = users.Ok ? users.Value : null;
        }
    }
}
