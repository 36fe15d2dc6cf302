using Microsoft.AspNetCore.Http;

namespace Referrals.ServiceDefaults.Http;

/// <summary>
/// The acting user's id from the <c>X-Actor</c> header, until the security issue replaces it with the token's
/// subject. An id, never a name; null when absent.
/// </summary>
public static class ActingUser
{
    public const string Header = "X-Actor";

    private const int MaxLength = 100;

    public static string? Of(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString().Trim();
        return value.Length == 0 ? null : value[..Math.Min(value.Length, MaxLength)];
    }
}
