using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;

namespace Referrals.Portal.Pages.Coordination;

/// <summary>The directory (HSDS): services by free text, paged as the API pages them.</summary>
public sealed class DirectoryModel(PortalApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public HsdsPage<HsdsService>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = $"/api/providers/services?per_page=25&page={PageNumber}";
        if (!string.IsNullOrWhiteSpace(Search))
        {
            query += "&search=" + Uri.EscapeDataString(Search.Trim());
        }

        Results = (await api.GetAsync<HsdsPage<HsdsService>>(query, cancellationToken)).Value;
    }
}
