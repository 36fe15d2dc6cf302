using Microsoft.Extensions.Options;
using Referrals.Notification.QuietHours;
using Xunit;

namespace Referrals.Notification.Tests.QuietHours;

public sealed class QuietHoursPolicyTests
{
    private static readonly QuietHoursPolicy Riga = new(Options.Create(new NotificationOptions()));

    [Theory]
    // Winter (UTC+2): 21:00 Riga = 19:00 UTC, 08:00 Riga = 06:00 UTC.
    [InlineData("2026-01-15T18:59:00Z", null)]
    [InlineData("2026-01-15T19:00:00Z", "2026-01-16T06:00:00Z")]
    [InlineData("2026-01-15T23:30:00Z", "2026-01-16T06:00:00Z")]
    [InlineData("2026-01-16T05:59:00Z", "2026-01-16T06:00:00Z")]
    [InlineData("2026-01-16T06:00:00Z", null)]
    // Summer (UTC+3): 21:00 Riga = 18:00 UTC, 08:00 Riga = 05:00 UTC.
    [InlineData("2026-07-15T17:59:00Z", null)]
    [InlineData("2026-07-15T18:00:00Z", "2026-07-16T05:00:00Z")]
    [InlineData("2026-07-16T04:59:00Z", "2026-07-16T05:00:00Z")]
    // Spring forward (29 March 2026, 03:00 → 04:00 Riga): evening in winter time, morning in summer time.
    [InlineData("2026-03-28T19:30:00Z", "2026-03-29T05:00:00Z")]
    // Fall back (25 October 2026, 04:00 → 03:00 Riga): evening in summer time, morning in winter time.
    [InlineData("2026-10-24T18:30:00Z", "2026-10-25T06:00:00Z")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25T06:00:00Z")]
    public void Non_urgent_SMS_wait_from_21_to_08_Riga_time_across_daylight_saving(string now, string? until)
    {
        var held = Riga.HoldUntil(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(until is null ? null : DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture), held);
    }

    [Fact]
    public void Equal_start_and_end_switch_quiet_hours_off()
    {
        var off = new QuietHoursPolicy(Options.Create(new NotificationOptions
        {
            QuietHoursStart = new TimeOnly(0, 0),
            QuietHoursEnd = new TimeOnly(0, 0),
        }));

        Assert.Null(off.HoldUntil(new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero)));
    }
}
