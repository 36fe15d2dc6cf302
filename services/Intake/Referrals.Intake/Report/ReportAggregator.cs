using Referrals.Contracts.Intake;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Referrals;

namespace Referrals.Intake.Report;

/// <summary>
/// Folds referrals, one at a time, into rows per municipality and service type. It keeps counters and, per row, one
/// number per measured duration (not the documents), so the store can hand it pages and forget them.
/// </summary>
public sealed class ReportAggregator(ReportWindow window)
{
    private readonly Dictionary<(string Municipality, string ServiceType), Row> _rows = [];

    /// <summary>
    /// Counts <paramref name="referral"/>: everything but the waiting list only when it was submitted in the window;
    /// the waiting list is everyone Waitlisted now, whenever submitted.
    /// </summary>
    public void Add(Referral referral)
    {
        var inWindow = referral.SubmittedAt >= window.Start && referral.SubmittedAt < window.End;
        var waitlisted = referral.Status == ReferralStatus.Waitlisted;
        if (!inWindow && !waitlisted)
        {
            return;
        }

        var key = (referral.Municipality, referral.ServiceType);
        if (!_rows.TryGetValue(key, out var row))
        {
            _rows[key] = row = new Row();
        }

        if (waitlisted)
        {
            row.Waitlisted++;
        }

        if (!inWindow)
        {
            return;
        }

        row.ByStatus[referral.Status] = row.ByStatus.GetValueOrDefault(referral.Status) + 1;
        if (ReferralMilestones.DecidedAt(referral) is { } decided)
        {
            row.ToDecision.Add(HoursBetween(referral.SubmittedAt, decided));
        }

        if (ReferralMilestones.PlacedAt(referral) is { } placed)
        {
            row.ToPlacement.Add(HoursBetween(referral.SubmittedAt, placed));
        }

        foreach (var decline in referral.Declines.DistinctBy(d => d.OfferId))
        {
            row.Declines[decline.Reason] = row.Declines.GetValueOrDefault(decline.Reason) + 1;
        }
    }

    /// <summary>The rows, by municipality then service type; every status and decline reason present, zero when none.</summary>
    public IReadOnlyList<ReportRowView> Rows() =>
        _rows
            .OrderBy(r => r.Key.Municipality, StringComparer.Ordinal)
            .ThenBy(r => r.Key.ServiceType, StringComparer.Ordinal)
            .Select(r => new ReportRowView(
                r.Key.Municipality,
                r.Key.ServiceType,
                Enum.GetValues<ReferralStatus>().ToDictionary(s => s.ToString(), s => r.Value.ByStatus.GetValueOrDefault(s)),
                r.Value.ByStatus.Values.Sum(),
                r.Value.Waitlisted,
                DurationSummary.Of(r.Value.ToDecision),
                DurationSummary.Of(r.Value.ToPlacement),
                Enum.GetValues<DeclineReason>().ToDictionary(d => d.ToString(), d => r.Value.Declines.GetValueOrDefault(d))))
            .ToList();

    // A clock set back or a message stamped early must not make a negative duration.
    private static double HoursBetween(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (to - from).TotalHours);

    private sealed class Row
    {
        public Dictionary<ReferralStatus, int> ByStatus { get; } = [];

        public int Waitlisted { get; set; }

        public List<double> ToDecision { get; } = [];

        public List<double> ToPlacement { get; } = [];

        public Dictionary<DeclineReason, int> Declines { get; } = [];
    }
}

/// <summary>One row of the report: no referral ids, no people, only counts and durations.</summary>
public sealed record ReportRowView(
    string Municipality,
    string ServiceType,
    IReadOnlyDictionary<string, int> ByStatus,
    int Total,
    int Waitlisted,
    DurationSummary ToDecision,
    DurationSummary ToPlacement,
    IReadOnlyDictionary<string, int> DeclinesByReason);
