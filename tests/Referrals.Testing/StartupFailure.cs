using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Referrals.Testing;

/// <summary>
/// Starts a host composed as a Program.cs would compose it and reports what stopped it. WebApplicationFactory is not
/// used for this: when start-up fails it sometimes surfaces its own disposal race instead of the real error.
/// </summary>
public static class StartupFailure
{
    /// <returns>The exception that stopped the host, or null when it started.</returns>
    public static async Task<Exception?> CaptureAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder> compose)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
            compose(builder);
            await using var app = builder.Build();
            await app.StartAsync();
            await app.StopAsync();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
