using System.Globalization;

namespace Referrals.Portal.Localisation;

/// <summary>Every date and time on the portal is shown as it is in Latvia (Europe/Riga), whatever the server's zone.</summary>
public static class RigaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string Format(DateTimeOffset instant) => Of(instant).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable value of a <c>time</c> element (UTC: the instant, whatever the reader's zone).</summary>
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);
}
