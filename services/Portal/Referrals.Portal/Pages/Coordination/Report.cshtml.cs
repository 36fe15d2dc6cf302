using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Portal.Api;
using Referrals.Portal.Casework;
using Referrals.Portal.Forms;
using Referrals.Portal.Localisation;
using Referrals.Portal.Pages.Offers;
using Referrals.Reference;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal.Pages.Coordination;

/// <summary>
/// Referrals per municipality and service type over a period (Intake's <c>/api/referrals/report</c>, which aggregates
/// in the service, so the figures hold at any size) with the decisions overdue now (<c>/api/eligibility/overdue</c>):
/// table, server-drawn charts, and the same rows as CSV.
/// </summary>
public sealed class ReportModel(PortalApi api, PortalText text) : PageModel
{
    public static IReadOnlyList<string> Statuses => ReferralStatuses.All;

    public static IReadOnlyList<string> DeclineReasons => OffersModel.DeclineReasons;

    /// <summary>First day of the period, yyyy-MM-dd (Riga); empty: the API's default (the last 12 months).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>One municipality of the caller's scope; empty: all of them.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Municipality { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The municipalities the caller may report on (their own, or their region's), for the filter.</summary>
    public IReadOnlyList<string> Scope { get; private set; } = [];

    public ReferralReport? Report { get; private set; }

    /// <summary>The report API failed for another reason than the input (shown as a notice, not as a field error).</summary>
    public bool Unavailable { get; private set; }

    public IReadOnlyList<ReportLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await LoadAsync(cancellationToken);

    /// <summary>
    /// Every column of the table, one row per municipality and service type. Headers are stable machine names (the
    /// same in every language, so scripts and spreadsheets keep working); numbers are invariant (decimal point);
    /// durations in days with one decimal, empty when nothing was measured. UTF-8 with BOM, <c>;</c> separated.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var lines = await LoadAsync(cancellationToken);
        if (Errors.Any)
        {
            return BadRequest();
        }

        var csv = new StringBuilder();
        csv.AppendJoin(';', CsvHeaders()).Append("\r\n");
        foreach (var line in lines)
        {
            csv.AppendJoin(';', CsvCells(line)).Append("\r\n");
        }

        // UTF-8 with BOM, so that spreadsheet programs read Latvian letters right.
        var name = $"referrals-report-{Report!.From:yyyy-MM-dd}-{Report.To:yyyy-MM-dd}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    public static IEnumerable<string> CsvHeaders() =>
        new[] { "municipality", "serviceType" }
            .Concat(Statuses)
            .Concat(["total", "overdue", "waitlisted", "decisions", "decisionMedianDays", "decisionP90Days", "placements", "placementMedianDays", "placementP90Days"])
            .Concat(DeclineReasons.Select(r => "declined" + r))
            .Append("declinedTotal");

    private static IEnumerable<string> CsvCells(ReportLine line) =>
        new[] { line.Municipality, line.ServiceType }
            .Concat(Statuses.Select(s => Number(line.Count(s))))
            .Concat(
            [
                Number(line.Total), Number(line.Overdue), Number(line.Waitlisted),
                Number(line.ToDecision.Count), Days(line.ToDecision.MedianHours, CultureInfo.InvariantCulture), Days(line.ToDecision.P90Hours, CultureInfo.InvariantCulture),
                Number(line.ToPlacement.Count), Days(line.ToPlacement.MedianHours, CultureInfo.InvariantCulture), Days(line.ToPlacement.P90Hours, CultureInfo.InvariantCulture),
            ])
            .Concat(DeclineReasons.Select(r => Number(line.Declined(r))))
            .Append(Number(line.DeclinedTotal));

    /// <summary>Hours as days with one decimal in <paramref name="culture"/>; empty when there is no figure.</summary>
    public static string Days(double? hours, IFormatProvider culture) =>
        hours is { } h ? (h / 24).ToString("0.0", culture) : "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<ReportLine>> LoadAsync(CancellationToken cancellationToken)
    {
        Scope = User.Actor().ReadableMunicipalities(Municipalities.Regions).Order(StringComparer.Ordinal).ToList();
        var query = new List<string>();
        foreach (var (name, value) in new[] { ("from", From), ("to", To), ("municipality", Municipality) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        var reportCall = api.GetAsync<ReferralReport>("/api/referrals/report" + (query.Count == 0 ? "" : "?" + string.Join('&', query)), cancellationToken);
        var overdueCall = api.GetAsync<List<OverdueDecision>>("/api/eligibility/overdue", cancellationToken);
        var result = await reportCall;
        var overdue = (await overdueCall).Value ?? [];
        if (!result.Ok)
        {
            if (result.Status == System.Net.HttpStatusCode.Forbidden)
            {
                Errors.Add("municipality", text["error.forbidden"]);
            }
            else if (result.Errors.Count > 0)
            {
                Errors.AddFromApi(result.Errors, text);
            }
            else
            {
                Unavailable = true;
            }

            return [];
        }

        Report = result.Value!;
        From = Report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = Report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ReportLine.Merge(Report, overdue);
    }
}

/// <summary>A row of the page: the API's figures plus the decisions overdue now for the same municipality and service type.</summary>
public sealed record ReportLine(
    string Municipality,
    string ServiceType,
    IReadOnlyDictionary<string, int> ByStatus,
    int Total,
    int Overdue,
    int Waitlisted,
    ReportDuration ToDecision,
    ReportDuration ToPlacement,
    IReadOnlyDictionary<string, int> Declines)
{
    private static readonly ReportDuration None = new(0, null, null);

    public int Count(string status) => ByStatus.GetValueOrDefault(status);

    public int Declined(string reason) => Declines.GetValueOrDefault(reason);

    public int DeclinedTotal => Declines.Values.Sum();

    /// <summary>
    /// The report's rows with the overdue decisions of its municipalities counted in; a municipality and service type
    /// with only overdue decisions (submitted before the period) gets a row of its own.
    /// </summary>
    public static IReadOnlyList<ReportLine> Merge(ReferralReport report, IReadOnlyList<OverdueDecision> overdue)
    {
        var covered = report.Municipalities.ToHashSet(StringComparer.Ordinal);
        var late = overdue
            .Where(o => o.Municipality is not null && covered.Contains(o.Municipality))
            .GroupBy(o => (Municipality: o.Municipality!, o.ServiceType))
            .ToDictionary(g => g.Key, g => g.Count());
        var lines = report.Rows
            .Select(r => new ReportLine(r.Municipality, r.ServiceType, r.ByStatus, r.Total, late.GetValueOrDefault((r.Municipality, r.ServiceType)),
                r.Waitlisted, r.ToDecision, r.ToPlacement, r.DeclinesByReason))
            .ToList();
        foreach (var ((municipality, serviceType), count) in late)
        {
            if (!lines.Any(l => l.Municipality == municipality && l.ServiceType == serviceType))
            {
                lines.Add(new ReportLine(municipality, serviceType, new Dictionary<string, int>(), 0, count, 0, None, None, new Dictionary<string, int>()));
            }
        }

        return lines
            .OrderBy(l => l.Municipality, StringComparer.Ordinal)
            .ThenBy(l => l.ServiceType, StringComparer.Ordinal)
            .ToList();
    }
}
