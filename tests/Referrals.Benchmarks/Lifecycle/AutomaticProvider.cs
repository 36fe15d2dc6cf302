using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Lifecycle;

/// <summary>
/// The providers' software that accepts every placement offer at once: polls GET /api/providers/offers?status=Pending
/// every 20 ms (one poll for all providers, as the municipality's social worker, who sees the offers of its referrals)
/// and POSTs accept for each offer it has not accepted yet as the staff of the offer's provider (up to 16 at a time).
/// Stops on cancellation or after <see cref="MaxPolls"/> polls.
/// </summary>
internal sealed class AutomaticProvider
{
    private const int MaxPolls = 1_000_000;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private readonly HttpClient _http;
    private readonly HashSet<string> _accepted = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<long> _acceptTicks = [];
    private readonly List<long> _pollTicks = [];
    private long _acceptFailures;
    private long _pollFailures;

    public AutomaticProvider(HttpClient http) => _http = http;

    public long Accepted => _accepted.Count;

    public long AcceptFailures => Interlocked.Read(ref _acceptFailures);

    public long PollFailures => Interlocked.Read(ref _pollFailures);

    public string Describe() =>
        $"{Accepted} offers accepted, {AcceptFailures} accept calls failed, {PollFailures} polls failed; accept POST p50 " +
        $"{Report.Milliseconds(AcceptLatency.P50Ms)} / p99 {Report.Milliseconds(AcceptLatency.P99Ms)}, pending-offers GET p50 " +
        $"{Report.Milliseconds(PollLatency.P50Ms)} / p99 {Report.Milliseconds(PollLatency.P99Ms)}";

    /// <summary>How long the accept POSTs took (the directory takes a place under optimistic concurrency).</summary>
    public Percentiles AcceptLatency => Percentiles.FromTimestampTicks([.. _acceptTicks]);

    /// <summary>How long the pending-offers GETs took.</summary>
    public Percentiles PollLatency => Percentiles.FromTimestampTicks([.. _pollTicks]);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(16);
        var inFlight = new List<Task>();
        for (var poll = 0; poll < MaxPolls && !cancellationToken.IsCancellationRequested; poll++)
        {
            try
            {
                var polled = System.Diagnostics.Stopwatch.GetTimestamp();
                var offers = await _http.GetFromJsonAsync<JsonArray>(new Uri("/api/providers/offers?status=Pending", UriKind.Relative), cancellationToken);
                _pollTicks.Add(System.Diagnostics.Stopwatch.GetTimestamp() - polled);
                foreach (var offer in offers?.OfType<JsonObject>() ?? [])
                {
                    if (offer["offerId"]?.GetValue<string>() is { } id && offer["providerId"]?.GetValue<string>() is { } provider && _accepted.Add(id))
                    {
                        await gate.WaitAsync(cancellationToken);
                        inFlight.Add(AcceptAsync(id, provider, gate, cancellationToken));
                    }
                }

                inFlight.RemoveAll(t => t.IsCompleted);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                if (Interlocked.Increment(ref _pollFailures) <= 3)
                {
                    Report.Progress($"automatic provider: poll failed ({e.GetType().Name}: {e.Message})");
                }
            }

            try
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(inFlight);
    }

    private async Task AcceptAsync(string offerId, string providerId, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/providers/offers/{offerId}/accept", UriKind.Relative));
            request.Headers.Authorization = BenchIdentity.ProviderStaff(providerId);
            using var response = await _http.SendAsync(request, cancellationToken);
            _acceptTicks.Add(System.Diagnostics.Stopwatch.GetTimestamp() - started);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _acceptFailures);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            Interlocked.Increment(ref _acceptFailures);
        }
        finally
        {
            gate.Release();
        }
    }
}
