using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Referrals.Portal.Tests.Fakes;

/// <summary>
/// The platform's APIs as far as the signed-in landing pages need them, judging the bearer token as the real ones do:
/// signed by the identity provider, its issuer, audience <c>referrals</c>, not expired. Anything else is 401.
/// </summary>
public sealed class TokenCheckingApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeIdentityProvider _provider;

    private TokenCheckingApi(WebApplication app, FakeIdentityProvider provider)
    {
        _app = app;
        _provider = provider;
    }

    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>Every bearer token accepted, in order.</summary>
    public ConcurrentQueue<string> TokensAccepted { get; } = new();

    /// <summary>How many calls were refused with 401.</summary>
    public int Refused => _refused;

    private int _refused;

    public static async Task<TokenCheckingApi> StartAsync(FakeIdentityProvider provider)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new TokenCheckingApi(app, provider);
        api.Map(app);
        await app.StartAsync();
        return api;
    }

    private void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) =>
        {
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
            {
                ValidIssuer = _provider.Issuer,
                ValidAudience = FakeIdentityProvider.Audience,
                IssuerSigningKey = _provider.Key,
                ClockSkew = TimeSpan.Zero,
            });
            if (!result.IsValid)
            {
                Interlocked.Increment(ref _refused);
                return Results.Unauthorized();
            }

            TokensAccepted.Enqueue(token);
            return await next(context);
        });
        api.MapGet("/referrals", () => new[]
        {
            new
            {
                id = FakePlatform.ReferralId, shortCode = "DGV-7K3P", status = "Offered", serviceType = "home-care", municipality = "LV-DGV",
                submittedAt = FakePlatform.SubmittedAt, updatedAt = FakePlatform.SubmittedAt,
            },
        });
        api.MapGet("/{**rest}", () => Array.Empty<object>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
