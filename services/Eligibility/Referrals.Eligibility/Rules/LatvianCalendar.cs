namespace Referrals.Eligibility.Rules;

/// <summary>
/// The assessment date is the calendar day in Latvia: a referral assessed at 00:30 Riga time on someone's 18th
/// birthday (22:30 UTC the day before) must already see them as 18.
/// </summary>
public static class LatvianCalendar
{
    private static readonly TimeZoneInfo Riga =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Riga", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Riga).DateTime);

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());
}
