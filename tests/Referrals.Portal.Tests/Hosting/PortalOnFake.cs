using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Referrals.Portal.Tests.Fakes;
using Referrals.ServiceDefaults;
using Referrals.Testing;

namespace Referrals.Portal.Tests.Hosting;

/// <summary>The portal in its own host (the distributed mode's composition) in front of a <see cref="FakePlatform"/>.</summary>
public sealed class PortalOnFake : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private WebApplication _app = null!;

    public FakePlatform Platform { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Platform = await FakePlatform.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = _root.Path });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:Mode"] = "Development",
            ["Portal:ApiBaseUrl"] = Platform.BaseAddress.ToString(),
        });
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.AddPortal();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapPortal();
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (the tests look at them).</summary>
    public PortalClient Client() => new(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Platform.DisposeAsync();
        _root.Dispose();
    }
}
