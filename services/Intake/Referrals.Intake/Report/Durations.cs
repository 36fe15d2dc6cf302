namespace Referrals.Intake.Report;

/// <summary>How long something took across the referrals of a row: how many, the median and the 90th percentile, in hours.</summary>
public sealed record DurationSummary(int Count, double? MedianHours, double? P90Hours)
{
    /// <summary>
    /// Median: the middle value, or the mean of the two middle values. 90th percentile: nearest rank, the smallest
    /// value at least 90 % of the values do not exceed, so it is always a duration that really occurred. Rounded to
    /// 0.1 h. Null figures when there are no values.
    /// </summary>
    public static DurationSummary Of(List<double> hours)
    {
        if (hours.Count == 0)
        {
            return new DurationSummary(0, null, null);
        }

        hours.Sort();
        var middle = hours.Count / 2;
        var median = hours.Count % 2 == 1 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2;
        var rank = (int)Math.Ceiling(0.9 * hours.Count);
        return new DurationSummary(hours.Count, Round(median), Round(hours[rank - 1]));
    }

    private static double Round(double hours) => Math.Round(hours, 1, MidpointRounding.AwayFromZero);
}
