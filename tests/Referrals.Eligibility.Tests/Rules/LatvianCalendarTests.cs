using Referrals.Eligibility.Rules;
using Xunit;

namespace Referrals.Eligibility.Tests.Rules;

public sealed class LatvianCalendarTests
{
    [Theory]
    [InlineData("2026-06-14T20:59:00Z", "2026-06-14")]
    [InlineData("2026-06-14T21:00:00Z", "2026-06-15")]   // midnight in Riga (UTC+3 in summer)
    [InlineData("2026-01-14T22:00:00Z", "2026-01-15")]   // midnight in Riga (UTC+2 in winter)
    public void The_assessment_date_is_the_day_in_Latvia(string instant, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), LatvianCalendar.DateOf(DateTimeOffset.Parse(instant)));
}
