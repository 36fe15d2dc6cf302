using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Referrals.Portal.Security;

namespace Referrals.Portal.Api;

/// <summary>
/// The platform's HTTP APIs as the signed-in user: every call carries the token kept in the portal cookie. The portal
/// has no other way to the data (no store, no bus).
/// </summary>
public sealed class PortalApi(HttpClient http, IHttpContextAccessor context)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        SendAsync<T>(HttpMethod.Post, path, body ?? new { }, idempotencyKey, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Put, path, body, null, cancellationToken);

    /// <summary>Calls without a user: the sign-in and the family's public status page.</summary>
    public async Task<ApiResult<T>> AnonymousAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        ForwardClientAddress(request, context.HttpContext);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiResults.ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>
    /// The browser's address, so the gateway limits each person rather than all of a portal instance's users together
    /// (it believes the header only from proxies it trusts, Edge:TrustedProxies).
    /// </summary>
    private static void ForwardClientAddress(HttpRequestMessage request, HttpContext? httpContext)
    {
        if (httpContext?.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.Add("X-Forwarded-For", address.ToString());
        }
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var httpContext = context.HttpContext ?? throw new InvalidOperationException("The portal API is used outside a request.");
        var token = await httpContext.GetTokenAsync(PortalAuthentication.Scheme, PortalAuthentication.AccessToken)
            ?? throw new ApiSessionExpiredException();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        ForwardClientAddress(request, httpContext);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(Thread.CurrentThread.CurrentUICulture.TwoLetterISOLanguageName));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token expired or was revoked: the page filter signs the user out and sends them to sign in again.
            throw new ApiSessionExpiredException();
        }

        return await ApiResults.ReadAsync<T>(response, cancellationToken);
    }
}

/// <summary>What an API call answered: the value on success, the field-keyed errors of a 400, the status otherwise.</summary>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Ok => (int)Status is >= 200 and < 300 && Value is not null;

    public bool NotFound => Status == HttpStatusCode.NotFound;
}

public static class ApiResults
{
    public static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            var value = response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(PortalApi.Json, cancellationToken);
            return new ApiResult<T>(response.StatusCode, value, new Dictionary<string, string[]>());
        }

        var errors = new Dictionary<string, string[]>();
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            try
            {
                var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(PortalApi.Json, cancellationToken);
                foreach (var (field, messages) in problem?.Errors ?? [])
                {
                    errors[field] = messages;
                }
            }
            catch (JsonException)
            {
                // Not a problem document: the status alone tells the page what happened.
            }
        }

        return new ApiResult<T>(response.StatusCode, default, errors);
    }

    private sealed record ProblemBody(string? Title, Dictionary<string, string[]>? Errors);
}

/// <summary>The platform no longer accepts the user's token (or there is none).</summary>
public sealed class ApiSessionExpiredException : Exception
{
    public ApiSessionExpiredException()
        : base("The platform refused the portal user's token.")
    {
    }
}
