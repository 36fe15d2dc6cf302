using Microsoft.Extensions.Options;

namespace Referrals.Notification.QuietHours;

/// <summary>
/// No non-urgent SMS at night in the family's time zone (Europe/Riga by default). Works in local wall-clock time, so
/// the window stays 21:00–08:00 on both sides of a daylight-saving change.
/// </summary>
public sealed class QuietHoursPolicy(IOptions<NotificationOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.QuietHoursTimeZone);
    private readonly TimeOnly _start = options.Value.QuietHoursStart;
    private readonly TimeOnly _end = options.Value.QuietHoursEnd;

    /// <summary>When a non-urgent SMS created at <paramref name="now"/> may go: null means at once.</summary>
    public DateTimeOffset? HoldUntil(DateTimeOffset now)
    {
        if (_start == _end)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = _start < _end ? time >= _start && time < _end : time >= _start || time < _end;
        if (!quiet)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        if (time >= _end)
        {
            day = day.AddDays(1);
        }

        var end = day.ToDateTime(_end, DateTimeKind.Unspecified);
        // An end time inside a spring-forward gap does not exist: the first valid minute after it is used.
        while (_zone.IsInvalidTime(end))
        {
            end = end.AddMinutes(1);
        }

        return new DateTimeOffset(end, _zone.GetUtcOffset(end)).ToUniversalTime();
    }
}
