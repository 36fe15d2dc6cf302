using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Referrals.Gateway.Tests;

/// <summary>
/// The real gateway in process, every cluster pointed at the echo backend, with settings a test chooses and, where
/// given, the client address the connection comes from (the test server has none of its own).
/// </summary>
public sealed class GatewayFactory(EchoBackend backend, IReadOnlyDictionary<string, string?>? settings = null, IPAddress? clientAddress = null)
    : WebApplicationFactory<Program>
{
    public static readonly string[] Clusters = ["intake", "eligibility", "providerdirectory", "notification", "portal"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var all = Clusters.ToDictionary(
            cluster => $"ReverseProxy:Clusters:{cluster}:Destinations:primary:Address", _ => (string?)backend.Address);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        if (clientAddress is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddress(clientAddress)));
        }
    }

    private sealed class ClientAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
