using Referrals.Eligibility.Deadlines;
using Xunit;

namespace Referrals.Eligibility.Tests.Deadlines;

public sealed class DecisionDeadlineOptionsTests
{
    [Fact]
    public void The_default_is_one_calendar_month()
    {
        var options = new DecisionDeadlineOptions();

        Assert.Equal(new DateOnly(2026, 2, 28), options.DueOn("home-care", new DateOnly(2026, 1, 31)));
        Assert.Equal(new DateOnly(2026, 7, 15), options.DueOn("home-care", new DateOnly(2026, 6, 15)));
    }

    [Fact]
    public void Overrides_apply_to_their_service_type_only()
    {
        var options = new DecisionDeadlineOptions { ServiceTypes = { ["crisis-centre"] = new Deadline { Days = 10 } } };

        Assert.Equal(new DateOnly(2026, 6, 25), options.DueOn("crisis-centre", new DateOnly(2026, 6, 15)));
        Assert.Equal(new DateOnly(2026, 7, 15), options.DueOn("shelter", new DateOnly(2026, 6, 15)));
    }

    [Theory]
    [InlineData("spa", 1, 0, "ServiceTypes:spa")]
    [InlineData("home-care", 0, 0, "not both zero")]
    [InlineData("home-care", -1, 5, "not both zero")]
    public void Invalid_deadlines_stop_start_up(string serviceType, int months, int days, string expected)
    {
        var options = new DecisionDeadlineOptions { ServiceTypes = { [serviceType] = new Deadline { Months = months, Days = days } } };

        var result = new DecisionDeadlineOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }
}
