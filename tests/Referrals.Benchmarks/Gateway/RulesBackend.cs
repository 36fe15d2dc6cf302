using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Referrals.Benchmarks.Gateway;

/// <summary>
/// The stand-in for the eligibility service: a minimal API on a free loopback port answering
/// <c>GET /api/eligibility/rules</c> with a fixed list (about 1 KB of JSON, serialised per request like a real read
/// endpoint) and <c>/health/ready</c> for the gateway's active health check. The real services are not needed.
/// </summary>
internal sealed class RulesBackend : IAsyncDisposable
{
    public const string RulesPath = "/api/eligibility/rules";

    private static readonly IReadOnlyList<RuleView> Rules =
    [
        new("residence", "Deklarētā dzīvesvieta pašvaldībā", "Klientam jābūt deklarētai dzīvesvietai nosūtītājas pašvaldības teritorijā.", ["*"], true),
        new("age-child", "Bērna vecums", "Bērnu aprūpes pakalpojumiem klients ir jaunāks par 18 gadiem.", ["child-care-centre", "family-assistant"], true),
        new("age-senior", "Pensijas vecums", "Ilgstošai sociālajai aprūpei klients ir sasniedzis pensijas vecumu vai tam ir invaliditāte.", ["long-term-care"], true),
        new("income", "Trūcīgas vai maznodrošinātas personas statuss", "Maksas atvieglojumiem vajadzīgs spēkā esošs statuss.", ["*"], false),
        new("documents", "Iesniegtie dokumenti", "Pievienots iesniegums un sociālā darbinieka izvērtējums.", ["*"], true),
    ];

    private readonly WebApplication _app;

    private RulesBackend(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The backend's base address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    public static int ResponseBytes => JsonSerializer.SerializeToUtf8Bytes(Rules, JsonSerializerOptions.Web).Length;

    public static async Task<RulesBackend> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet(RulesPath, () => TypedResults.Ok(Rules));
        app.MapGet("/health/ready", () => TypedResults.Text("Healthy"));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RulesBackend(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record RuleView(string Code, string Title, string Description, IReadOnlyList<string> ServiceTypes, bool Mandatory);
}
