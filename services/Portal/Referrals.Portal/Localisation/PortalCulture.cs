using System.Globalization;

namespace Referrals.Portal.Localisation;

/// <summary>
/// Latvian unless the user chose English or Russian (a cookie).
/// </summary>
public static class PortalCulture
{
    public const string CookieName = ".Referrals.Portal.Language";
    public const string Default = "lv";

    public static readonly IReadOnlyList<string> Supported = ["lv", "en", "ru"];

    public static void Apply(HttpRequest request)
    {
        var culture = CultureInfo.GetCultureInfo(Chosen(request));
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static string Chosen(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var value) && Supported.Contains(value) ? value : Default;

    public static string Current => Supported.Contains(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
        ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName
        : Default;
}
