using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.Reference;

namespace Referrals.Portal.Pages.Coordination;

/// <summary>The eligibility rules in force, optionally for one service type.</summary>
public sealed class RulesModel(PortalApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ServiceType { get; set; }

    public IReadOnlyList<RuleView> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var known = ServiceTypes.IsKnown(ServiceType);
        var path = known ? "/api/eligibility/rules?serviceType=" + Uri.EscapeDataString(ServiceType!) : "/api/eligibility/rules";
        Rules = (await api.GetAsync<List<RuleView>>(path, cancellationToken)).Value ?? [];
    }
}
