using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Referrals.EndToEnd.Tests.Telemetry;

/// <summary>One OTLP export as it arrived: from which process, which signal, the raw protobuf (gzip undone).</summary>
public sealed record OtlpExport(string Process, string Signal, DateTimeOffset At, byte[] Body);

/// <summary>
/// A stand-in OpenTelemetry collector: accepts OTLP/HTTP protobuf at <c>/{process}/v1/traces|logs|metrics</c> and keeps
/// every body. Each process is given its own path prefix as its endpoint, so an export names its sender without
/// decoding protobuf. Strings in protobuf are plain UTF-8, so the bodies can be searched byte for byte.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    public static readonly string[] Signals = ["traces", "logs", "metrics"];

    private readonly ConcurrentQueue<OtlpExport> _exports = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<OtlpExport> Exports => _exports;

    /// <summary>The OTEL_EXPORTER_OTLP_ENDPOINT of one process (the exporter appends /v1/&lt;signal&gt;).</summary>
    public string EndpointFor(string process) => new Uri(BaseAddress, process.ToLowerInvariant()).ToString();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        _app = builder.Build();
        _app.MapPost("/{process}/v1/{signal}", ReceiveAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    private async Task<IResult> ReceiveAsync(string process, string signal, HttpContext context)
    {
        if (!Signals.Contains(signal))
        {
            return TypedResults.NotFound();
        }

        using var buffer = new MemoryStream();
        if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new GZipStream(context.Request.Body, CompressionMode.Decompress);
            await gzip.CopyToAsync(buffer, context.RequestAborted);
        }
        else
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        }

        _exports.Enqueue(new OtlpExport(process, signal, DateTimeOffset.UtcNow, buffer.ToArray()));
        // An empty Export*ServiceResponse: everything accepted.
        return TypedResults.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
