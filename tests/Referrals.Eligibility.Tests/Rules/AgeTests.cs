using Referrals.Eligibility.Rules.Criteria;
using Xunit;

namespace Referrals.Eligibility.Tests.Rules;

public sealed class AgeTests
{
    [Theory]
    [InlineData("2008-06-15", "2026-06-14", 17)]
    [InlineData("2008-06-15", "2026-06-15", 18)]
    [InlineData("2008-06-15", "2026-06-16", 18)]
    [InlineData("2008-02-29", "2026-02-28", 17)]
    [InlineData("2008-02-29", "2026-03-01", 18)]
    [InlineData("2008-02-29", "2028-02-29", 20)]
    [InlineData("2026-06-15", "2026-06-15", 0)]
    public void Completed_years_count_a_birthday_from_its_day(string born, string on, int expected) =>
        Assert.Equal(expected, Age.CompletedYears(DateOnly.Parse(born), DateOnly.Parse(on)));

    [Theory]
    [InlineData("2026-01-31", "2026-02-28", 0)]
    [InlineData("2026-01-31", "2026-03-01", 1)]
    [InlineData("2026-01-15", "2026-02-15", 1)]
    [InlineData("2024-06-15", "2026-06-14", 23)]
    [InlineData("2024-06-15", "2026-06-15", 24)]
    public void Completed_months_count_a_monthly_birthday_from_its_day(string born, string on, int expected) =>
        Assert.Equal(expected, Age.CompletedMonths(DateOnly.Parse(born), DateOnly.Parse(on)));

    [Theory]
    [InlineData("2023-06-15", true)]
    [InlineData("2023-05-15", false)]
    [InlineData("2026-03-15", true)]
    [InlineData("2026-03-16", false)]
    public void A_month_range_is_judged_in_completed_months(string born, bool fits)
    {
        var criterion = new AgeRange { MinMonths = 3, MaxMonths = 36 };

        var check = criterion.Check(Facts.For("social-work", "families-with-children", born), Facts.AssessmentDate);

        Assert.Equal(fits ? Referrals.Contracts.Eligibility.RuleVerdict.Passed : Referrals.Contracts.Eligibility.RuleVerdict.Failed, check.Verdict);
        Assert.Contains("mēn.", check.ReasonLv, StringComparison.Ordinal);
        Assert.Contains("ages 3 to 36 months", check.ReasonEn, StringComparison.Ordinal);
    }
}
