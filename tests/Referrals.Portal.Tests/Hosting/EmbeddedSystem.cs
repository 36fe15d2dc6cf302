using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Referrals.Eligibility;
using Referrals.Intake;
using Referrals.Messaging;
using Referrals.Notification;
using Referrals.ProviderDirectory;
using Referrals.ServiceDefaults;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;

namespace Referrals.Portal.Tests.Hosting;

/// <summary>
/// The embedded default as gateway/Referrals.Standalone composes it (four services, in-memory bus, SQLite in a temp
/// directory, the development sign-in) plus the portal, in one process on 127.0.0.1, the portal calling the APIs of
/// its own host.
/// </summary>
public sealed class EmbeddedSystem : IAsyncDisposable
{
    private readonly TempDirectory _data;
    private readonly WebApplication _app;

    private EmbeddedSystem(TempDirectory data, WebApplication app, Uri baseAddress)
    {
        _data = data;
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<EmbeddedSystem> StartAsync()
    {
        var data = new TempDirectory();
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        // The content root is the temp directory: the services' own appsettings.json files land in the test output
        // and must not configure this host.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = data.Path,
        });
        builder.WebHost.UseUrls(url);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:IntakeStore"] = data.SqliteConnectionString("intake"),
            ["ConnectionStrings:EligibilityStore"] = data.SqliteConnectionString("eligibility"),
            ["ConnectionStrings:ProviderDirectoryStore"] = data.SqliteConnectionString("providerdirectory"),
            ["ConnectionStrings:NotificationStore"] = data.SqliteConnectionString("notification"),
            ["Messaging:Transport"] = "InMemory",
            ["Identity:Mode"] = nameof(IdentityMode.Development),
            ["Portal:ApiBaseUrl"] = url,
            ["Notification:StatusLinkBaseUrl"] = url + "/status",
            // The flow's SMS go at once, whatever the hour in Riga.
            ["Notification:QuietHoursStart"] = "00:00",
            ["Notification:QuietHoursEnd"] = "00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Logging.ClearProviders();

        builder.AddServiceDefaults();
        builder.AddEdgeProtection();
        builder.AddIntake();
        builder.AddEligibility();
        builder.AddProviderDirectory();
        builder.AddNotification();
        builder.AddMessaging();
        builder.AddPortal();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapDevelopmentSignIn();
        app.MapIntake();
        app.MapEligibility();
        app.MapProviderDirectory();
        app.MapNotification();
        app.MapPortal();

        await app.StartAsync();
        var system = new EmbeddedSystem(data, app, new Uri(url));
        await system.WaitUntilReadyAsync();
        return system;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            using var directory = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/providers/offers")
                .As(TestTokens.ProviderStaff("org-dgv-seniori")));
            if (ready.IsSuccessStatusCode && directory.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The embedded system did not become ready in 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
