using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Referrals.Portal.Api;
using Referrals.Portal.Security;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Pages;

/// <summary>
/// The built-in sign-in of the embedded default and development runs: pick a demo user, the platform issues their
/// token, the portal keeps it in its cookie. With an external identity provider (OpenIdConnect mode) one button
/// starts the provider's sign-in (<see cref="PortalOpenIdConnect"/>), and there are no demo users.
/// </summary>
public sealed class SignInModel(PortalApi api, IOptions<IdentityOptions> identity, IOptions<PortalOpenIdConnectOptions> provider) : PageModel
{
    public bool Development => identity.Value.Mode == IdentityMode.Development;

    /// <summary>What the provider's button names; null: the generic "your organisation's account".</summary>
    public string? ProviderName => provider.Value.DisplayName is { Length: > 0 } name ? name : null;

    public IReadOnlyList<DemoUserView>? Users { get; private set; }

    public bool Failed { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task OnGetAsync(bool failed, CancellationToken cancellationToken)
    {
        // The identity provider's sign-in came back refused (PortalOpenIdConnect.FailedPath).
        Failed = failed && !Development;
        await LoadUsersAsync(cancellationToken);
    }

    /// <summary>
    /// The provider's button: a plain link (GET), so the redirect to another origin passes the front door's
    /// Content-Security-Policy, which limits where forms may go. The return address must be the portal's own.
    /// </summary>
    public IActionResult OnGetProvider()
    {
        if (Development)
        {
            return RedirectToPage();
        }

        var properties = new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" };
        return Challenge(properties, PortalOpenIdConnect.Scheme);
    }

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
