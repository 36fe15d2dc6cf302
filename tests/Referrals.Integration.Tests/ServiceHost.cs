using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referrals.Messaging;
using Referrals.ServiceDefaults;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;

namespace Referrals.Integration.Tests;

/// <summary>
/// One service hosted in the test process exactly as its Program.cs composes it (defaults, the service, RabbitMQ),
/// on a free loopback port, with its own SQLite store.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceHost(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    /// <summary>
    /// GET as each of <paramref name="users"/> in turn; the first 200's body, or null when none may read it or it is not
    /// there (yet). Several users, because which role may read what is each service's rule, not this test's.
    /// </summary>
    public async Task<string?> ReadAsync(string path, params DemoUser[] users)
    {
        foreach (var user in users)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)).As(user);
            using var response = await Http.SendAsync(request);
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return await response.Content.ReadAsStringAsync();
            }
        }

        return null;
    }

    public static async Task<ServiceHost> StartAsync(
        string rabbitMq,
        TempDirectory data,
        string storeName,
        Action<IHostApplicationBuilder> addService,
        Action<WebApplication> mapService,
        IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = data.Path,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = rabbitMq,
            [$"ConnectionStrings:{storeName}"] = data.SqliteConnectionString(storeName + "-" + Guid.NewGuid().ToString("N")),
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:OutboxSweepInterval"] = "00:00:01",
            ["ProviderDirectory:SeedDemoDirectory"] = "false",
            // Tokens from Referrals.Testing.TestTokens, as every process of a test run.
            ["Identity:Mode"] = "Development",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        addService(builder);
        builder.AddMessaging();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        mapService(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new ServiceHost(app, new Uri(address));
        await host.WaitUntilReadyAsync();
        return host;
    }

    private async Task WaitUntilReadyAsync()
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready (is the broker reachable?)");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
