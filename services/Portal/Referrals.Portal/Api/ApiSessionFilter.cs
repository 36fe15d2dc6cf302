using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Referrals.Portal.Security;

namespace Referrals.Portal.Api;

/// <summary>When the platform stops accepting the token, the user signs in again and comes back to the same page.</summary>
public sealed class ApiSessionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is ApiSessionExpiredException)
        {
            executed.ExceptionHandled = true;
            await PortalAuthentication.SignOutAsync(context.HttpContext);
            var returnUrl = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString;
            executed.Result = new RedirectToPageResult("/SignIn", new { returnUrl });
        }
    }
}
