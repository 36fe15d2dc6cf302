using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Portal.Security;
using Referrals.Portal.Tests.Fakes;
using Referrals.ServiceDefaults;
using Referrals.Testing;

namespace Referrals.Portal.Tests.Hosting;

/// <summary>
/// The portal in its own host in OpenIdConnect mode, as in production (environment Production), signing in with a
/// <see cref="FakeIdentityProvider"/> and calling a <see cref="TokenCheckingApi"/> with the provider's access tokens.
/// The role comes in the claim <c>roles</c> (<c>Identity:RoleClaim</c>), as some providers cannot emit <c>role</c>.
/// </summary>
public sealed class PortalOnIdentityProvider : IAsyncLifetime
{
    public const string RoleClaim = "roles";

    private readonly TempDirectory _root = new();
    private WebApplication _app = null!;

    public FakeIdentityProvider Provider { get; private set; } = null!;

    public TokenCheckingApi Api { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Provider = await FakeIdentityProvider.StartAsync();
        Api = await TokenCheckingApi.StartAsync(Provider);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = _root.Path });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(Settings(Provider, Api));
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.AddPortal();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapPortal();
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>What compose and Kubernetes set for the portal in production (docs/security.md), pointed at the fakes.</summary>
    public static Dictionary<string, string?> Settings(FakeIdentityProvider provider, TokenCheckingApi api) => new()
    {
        ["Identity:Mode"] = "OpenIdConnect",
        ["Identity:Authority"] = provider.Issuer,
        ["Identity:Audience"] = FakeIdentityProvider.Audience,
        ["Identity:RoleClaim"] = RoleClaim,
        // The provider is on plain HTTP (loopback); the APIs' bearer validation in this host needs to be told so.
        ["Identity:RequireHttpsMetadata"] = "false",
        ["Portal:ApiBaseUrl"] = api.BaseAddress.ToString(),
        ["Portal:OpenIdConnect:ClientId"] = FakeIdentityProvider.ClientId,
        ["Portal:OpenIdConnect:ClientSecret"] = FakeIdentityProvider.ClientSecret,
        ["Portal:OpenIdConnect:Scopes:0"] = "openid",
        ["Portal:OpenIdConnect:Scopes:1"] = "profile",
        ["Portal:OpenIdConnect:DisplayName"] = "Keycloak",
    };

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (the tests walk them one by one).</summary>
    public PortalClient Client() => new(BaseAddress);

    /// <summary>The portal cookie's ticket as the portal reads it: the claims and tokens it keeps for the user.</summary>
    public AuthenticationTicket? Ticket(PortalClient client)
    {
        var cookies = client.Cookies.GetCookies(BaseAddress);
        var value = cookies[PortalAuthentication.CookieName]?.Value;
        if (value is null)
        {
            return null;
        }

        // A large ticket is split into chunks: "chunks-N" and the cookies NameC1…NameCN.
        if (value.StartsWith("chunks-", StringComparison.Ordinal))
        {
            var count = int.Parse(value["chunks-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            value = string.Concat(Enumerable.Range(1, count).Select(i => cookies[PortalAuthentication.CookieName + "C" + i]?.Value));
        }

        var options = _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(PortalAuthentication.Scheme);
        return options.TicketDataFormat.Unprotect(value);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Api.DisposeAsync();
        await Provider.DisposeAsync();
        _root.Dispose();
    }
}
