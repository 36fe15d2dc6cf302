using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.Portal.Casework;

namespace Referrals.Portal.Pages.Coordination;

/// <summary>
/// Referrals per municipality and service type (the caller's municipality, or a coordinator's region, as the API
/// narrows them): counts by status, overdue eligibility decisions, waiting-list length; the same table as CSV.
/// </summary>
public sealed class ReportModel(PortalApi api) : PageModel
{
    public IReadOnlyList<ReportRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await LoadAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.AppendJoin(';', new[] { "municipality", "serviceType" }.Concat(ReportRow.Statuses).Append("total").Append("overdue")).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(';', new[] { row.Municipality, row.ServiceType }
                .Concat(ReportRow.Statuses.Select(s => row.Count(s).ToString(CultureInfo.InvariantCulture)))
                .Append(row.Total.ToString(CultureInfo.InvariantCulture))
                .Append(row.Overdue.ToString(CultureInfo.InvariantCulture))).Append("\r\n");
        }

        // UTF-8 with BOM, so that spreadsheet programs read Latvian letters right.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "referrals-report.csv");
    }

    private async Task<IReadOnlyList<ReportRow>> LoadAsync(CancellationToken cancellationToken)
    {
        var referrals = api.GetAsync<List<ReferralSummary>>("/api/referrals", cancellationToken);
        var overdue = api.GetAsync<List<OverdueDecision>>("/api/eligibility/overdue", cancellationToken);
        var late = ((await overdue).Value ?? []).Select(o => o.ReferralId).ToHashSet();
        return ((await referrals).Value ?? [])
            .GroupBy(r => (r.Municipality, r.ServiceType))
            .Select(g => new ReportRow(g.Key.Municipality, g.Key.ServiceType,
                g.GroupBy(r => r.Status).ToDictionary(s => s.Key, s => s.Count()), g.Count(r => late.Contains(r.Id))))
            .OrderBy(r => r.Municipality, StringComparer.Ordinal).ThenBy(r => r.ServiceType, StringComparer.Ordinal)
            .ToList();
    }
}

public sealed record ReportRow(string Municipality, string ServiceType, IReadOnlyDictionary<string, int> ByStatus, int Overdue)
{
    public static IReadOnlyList<string> Statuses => ReferralStatuses.All;

    public int Count(string status) => ByStatus.GetValueOrDefault(status);

    public int Total => ByStatus.Values.Sum();
}
