using System.Net;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Gateway;

/// <summary>The HTTP side of the load generator: keep-alive HTTP/1.1 connections, a bounded pool, bodies read fully.</summary>
internal static class LoadClient
{
    /// <summary>A client whose every request carries the benchmark social worker's token (the gateway checks it).</summary>
    public static HttpClient Create(int connections)
    {
        var client = NewClient(connections);
        client.DefaultRequestHeaders.Authorization = BenchIdentity.SocialWorker;
        return client;
    }

    private static HttpClient NewClient(int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            // No traceparent header: the load generator is not part of the system under test.
            ActivityHeadersPropagator = null,
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

    /// <summary>One GET; true when it answered 200 and the body was read to the end.</summary>
    public static async Task<bool> GetAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // the client's 10 s timeout
        }
    }
}
