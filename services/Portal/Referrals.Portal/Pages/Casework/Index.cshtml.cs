using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Pages.Casework;

/// <summary>The social worker's worklist: the municipality's referrals, newest first, by status and service type.</summary>
public sealed class ReferralListModel(PortalApi api) : PageModel
{
    public static readonly IReadOnlyList<string> Statuses =
        Portal.Casework.ReferralStatuses.All;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ServiceType { get; set; }

    /// <summary>Only referrals whose eligibility decision is past its due date.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public string Municipality { get; private set; } = "";

    public IReadOnlyList<ReferralSummary> Referrals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Municipality = User.Actor().Municipality ?? "";
        var status = Status is not null && Statuses.Contains(Status) ? Status : null;
        var path = status is null ? "/api/referrals" : "/api/referrals?status=" + Uri.EscapeDataString(status);
        var result = await api.GetAsync<List<ReferralSummary>>(path, cancellationToken);
        HashSet<Guid>? overdue = null;
        if (Overdue)
        {
            var late = await api.GetAsync<List<OverdueDecision>>("/api/eligibility/overdue", cancellationToken);
            overdue = (late.Value ?? []).Select(o => o.ReferralId).ToHashSet();
        }

        Referrals = (result.Value ?? [])
            .Where(r => string.IsNullOrEmpty(ServiceType) || r.ServiceType == ServiceType)
            .Where(r => overdue is null || overdue.Contains(r.Id))
            .ToList();
    }
}
