namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// Age in completed years and months on a given day. A birthday that does not exist in the reference month
/// (29 February, 31st) is reached on the first day of the next month: the person has not yet lived the full period before.
/// </summary>
public static class Age
{
    public static int CompletedYears(DateOnly birth, DateOnly on)
    {
        var years = on.Year - birth.Year;
        return (on.Month, on.Day).CompareTo((birth.Month, birth.Day)) < 0 ? years - 1 : years;
    }

    public static int CompletedMonths(DateOnly birth, DateOnly on)
    {
        var months = ((on.Year - birth.Year) * 12) + on.Month - birth.Month;
        return on.Day < birth.Day ? months - 1 : months;
    }
}
