namespace Referrals.Portal.Api;

/// <summary>GET /api/referrals/report: the period (Riga dates, both included), the municipalities covered, the rows.</summary>
public sealed record ReferralReport(DateOnly From, DateOnly To, IReadOnlyList<string> Municipalities, IReadOnlyList<ReferralReportRow> Rows);

/// <summary>One municipality and service type: counts by status (submitted in the period), waitlisted now, durations, declines.</summary>
public sealed record ReferralReportRow(
    string Municipality,
    string ServiceType,
    IReadOnlyDictionary<string, int> ByStatus,
    int Total,
    int Waitlisted,
    ReportDuration ToDecision,
    ReportDuration ToPlacement,
    IReadOnlyDictionary<string, int> DeclinesByReason);

/// <summary>How many referrals were measured, their median and 90th percentile in hours (null when none).</summary>
public sealed record ReportDuration(int Count, double? MedianHours, double? P90Hours);
