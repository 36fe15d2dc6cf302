using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Referrals.Gateway.Tests;

/// <summary>A stand-in for all four services on a real loopback port: answers with what reached it.</summary>
public sealed class EchoBackend : IAsyncLifetime
{
    private WebApplication? _app;

    public string Address { get; private set; } = "";

    public int Requests => _requests;

    private int _requests;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/health/ready", () => "Healthy");
        _app.Map("/{**path}", (HttpContext context) =>
        {
            Interlocked.Increment(ref _requests);
            return Results.Json(new EchoAnswer(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Headers.Authorization.ToString()));
        });
        await _app.StartAsync();
        Address = _app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed record EchoAnswer(string Method, string Path, string Authorization);
