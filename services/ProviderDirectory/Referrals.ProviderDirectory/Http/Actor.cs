namespace Referrals.ProviderDirectory.Http;

/// <summary>The acting user's id from <c>X-Actor</c> (until the security work lands). An id, never a name.</summary>
public static class Actor
{
    public static string? Of(HttpContext context) =>
        context.Request.Headers.TryGetValue("X-Actor", out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
}
