using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Pages;

/// <summary>Each role starts where its daily work is.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Actor.From(User) switch
    {
        { IsSocialWorker: true } => Redirect("/referrals"),
        { IsProviderStaff: true } => Redirect("/offers"),
        null => RedirectToPage("/SignIn"),
        _ => Redirect("/directory"),
    };
}
