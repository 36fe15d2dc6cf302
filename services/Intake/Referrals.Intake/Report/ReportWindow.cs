using System.Globalization;
using Referrals.Intake.Http;

namespace Referrals.Intake.Report;

/// <summary>
/// The report's period: whole days in Riga, <see cref="From"/> and <see cref="To"/> both included. Without dates it is
/// the last 12 months up to today; longer than <see cref="MaxDays"/> is refused, so one request cannot scan the history.
/// </summary>
public sealed record ReportWindow(DateOnly From, DateOnly To)
{
    public const int MaxDays = 731;

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    private static readonly TimeZoneInfo Riga =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Riga", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The first instant of <see cref="From"/> in Riga.</summary>
    public DateTimeOffset Start => StartOf(From);

    /// <summary>The first instant after <see cref="To"/> in Riga (exclusive).</summary>
    public DateTimeOffset End => StartOf(To.AddDays(1));

    public static DateOnly TodayInRiga(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Riga).DateTime);

    /// <summary>The window asked for, or null with the field-named errors in <paramref name="errors"/>.</summary>
    public static ReportWindow? Parse(string? from, string? to, DateTimeOffset now, ValidationErrors errors)
    {
        var toDate = ParseDate(to, "to", errors) ?? TodayInRiga(now);
        var fromDate = ParseDate(from, "from", errors) ?? toDate.AddMonths(-12).AddDays(1);
        if (!errors.IsEmpty)
        {
            return null;
        }

        if (fromDate > toDate)
        {
            errors.Add("to", "The end date must not be before the start date.");
            return null;
        }

        if (toDate.DayNumber - fromDate.DayNumber + 1 > MaxDays)
        {
            errors.Add("from", $"The period may be at most {MaxDays} days long.");
            return null;
        }

        return new ReportWindow(fromDate, toDate);
    }

    private static DateOnly? ParseDate(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "Expected a date as yyyy-MM-dd.");
            return null;
        }

        // Far dates would overflow the window's arithmetic (a 500), and no referral is that old or that new.
        if (date < Earliest || date > Latest)
        {
            errors.Add(field, $"Expected a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.");
            return null;
        }

        return date;
    }

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Riga.GetUtcOffset(local)).ToUniversalTime();
    }
}
