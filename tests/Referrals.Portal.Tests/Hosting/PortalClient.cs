using System.Net;
using System.Text.RegularExpressions;

namespace Referrals.Portal.Tests.Hosting;

/// <summary>Requests as a browser makes them: cookies kept, forms posted with the antiforgery token of the page they are on.</summary>
public sealed partial class PortalClient : IDisposable
{
    private readonly HttpClient _http;

    public PortalClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public async Task<PortalResponse> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return await PortalResponse.ReadAsync(response);
    }

    /// <summary>Opens <paramref name="page"/>, then posts <paramref name="fields"/> to <paramref name="action"/> with the page's token.</summary>
    public async Task<PortalResponse> SubmitAsync(string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = await GetAsync(page);
        Assert.True(form.Status == HttpStatusCode.OK, $"GET {page}: {(int)form.Status}");
        var token = AntiforgeryToken().Match(form.Html);
        Assert.True(token.Success, $"{page} has no antiforgery token");
        return await PostAsync(action, fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
    }

    public async Task<PortalResponse> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(new Uri(action, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return await PortalResponse.ReadAsync(response);
    }

    public async Task<PortalResponse> SignInAsync(string userId)
    {
        var signedIn = await SubmitAsync("/sign-in", "/sign-in", [new("userId", userId)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return signedIn;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed record PortalResponse(HttpStatusCode Status, string Html, string? Location, IReadOnlyList<string> SetCookies)
{
    public static async Task<PortalResponse> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
        response.Headers.Location?.ToString(),
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : []);
}
