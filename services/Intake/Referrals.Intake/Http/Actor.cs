namespace Referrals.Intake.Http;

/// <summary>The acting user's id from the <c>X-Actor</c> header (until the security work lands); null when absent.</summary>
public static class Actor
{
    public const string Header = "X-Actor";

    public static string? Of(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString().Trim();
        return value.Length == 0 ? null : value[..Math.Min(value.Length, 100)];
    }
}
