using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;
using Xunit;

namespace Referrals.Fuzz.Tests;

/// <summary>
/// Issue 9, hostile input: at least 10,000 malformed or hostile requests generated from the OpenAPI document of the
/// embedded default (the four services in one real process, SQLite files), against every operation. None may get a
/// 5xx, and nothing a client can read about the seeded data may change.
/// <para>
/// Size and seed: <c>REFERRALS_FUZZ_REQUESTS</c> (default 10000), <c>REFERRALS_FUZZ_SEED</c> (default 20261123),
/// <c>REFERRALS_FUZZ_MINUTES</c> (time bound, default 15; running out of time fails the test rather than passing short).
/// </para>
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const int Parallelism = 4;

    private static readonly string[] ServicePrefixes = ["/api/referrals", "/api/eligibility", "/api/providers", "/api/notifications"];

    private readonly TempDirectory _data = new();
    private ServiceProcess _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = new ServiceProcess("Standalone", RepositoryLayout.Assembly("gateway/Referrals.Standalone", "Referrals.Standalone"),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__IntakeStore"] = _data.SqliteConnectionString("intake"),
                ["ConnectionStrings__EligibilityStore"] = _data.SqliteConnectionString("eligibility"),
                ["ConnectionStrings__ProviderDirectoryStore"] = _data.SqliteConnectionString("providerdirectory"),
                ["ConnectionStrings__NotificationStore"] = _data.SqliteConnectionString("notification"),
                // Equal start and end switch quiet hours off: an SMS held until 08:00 Riga time would change the state mid-run.
                ["Notification__QuietHoursStart"] = "00:00",
                ["Notification__QuietHoursEnd"] = "00:00",
                ["Logging__LogLevel__Default"] = "Warning",
                // A load run: the front door's limits per user and per address raised far above what 4 parallel senders reach,
                // so that every request meets the platform's checks instead of a 429. (The body size limit stays: it is hostile input.)
                ["Edge__UserRequestsPerSecond"] = "100000",
                ["Edge__UserBurst"] = "1000000",
                ["Edge__AddressRequestsPerSecond"] = "100000",
                ["Edge__AddressBurst"] = "1000000",
            });
        _host.Start();
        await _host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task Hostile_requests_to_every_operation_get_no_5xx_and_change_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        var count = Setting("REFERRALS_FUZZ_REQUESTS", 10_000);
        var seed = Setting("REFERRALS_FUZZ_SEED", 20261123);
        var timeBound = TimeSpan.FromMinutes(Setting("REFERRALS_FUZZ_MINUTES", 15));
        // Large bodies ask "Expect: 100-continue", so a request refused from its first line (before the body is read) gets
        // its 400 instead of a broken pipe halfway through the upload.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Parallelism * 2, Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = _host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

        var document = (await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json", cancellationToken))!;
        var operations = ApiOperations.Read(document);
        foreach (var prefix in ServicePrefixes)
        {
            Assert.Contains(operations, o => o.Template.StartsWith(prefix, StringComparison.Ordinal));
        }

        var missing = ApiOperations.Known.Except(operations.Select(o => o.Key), StringComparer.Ordinal).ToList();
        operations.AddRange(missing.Select(ApiOperations.FromTemplate));
        operations.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        output.WriteLine($"{operations.Count} operations ({operations.Count(o => o.FromDocument)} from /openapi/v1.json)");
        if (missing.Count > 0)
        {
            output.WriteLine("Not in the OpenAPI document, fuzzed from the hand-written list: " + string.Join(", ", missing));
        }

        var seeded = await Seeding.SeedAsync(http, cancellationToken);
        var urls = ObservableState.Urls(seeded);
        await ObservableState.SettledAsync(http, urls, TimeSpan.FromSeconds(90), cancellationToken);
        var storedBefore = await StoreSnapshot.SettledAsync(_data.Path, TimeSpan.FromSeconds(90), cancellationToken);
        // Read again: the stores were quiet, so this is what the rightful users see of exactly that state.
        var before = await ObservableState.ReadAsync(http, urls, cancellationToken);
        output.WriteLine("Stores compared row by row: " + string.Join(", ", storedBefore.Select(t => $"{t.Key} ({t.Value.Count})")));

        var requests = new HostileRequests(operations, seeded, seed);
        var failures = new ConcurrentBag<(int Index, string Report)>();
        var accepted = new ConcurrentBag<(int Index, string Report)>();
        var foreignTaken = new ConcurrentBag<(int Index, string Report)>();
        var revealed = new ConcurrentBag<(int Index, string Report)>();
        var identities = new ConcurrentDictionary<string, ConcurrentDictionary<int, int>>(StringComparer.Ordinal);
        var statuses = new ConcurrentDictionary<string, ConcurrentDictionary<int, int>>(StringComparer.Ordinal);
        var kinds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var sent = 0;
        var refusedUnread = 0;
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeBound);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = timeout.Token },
                async (index, token) =>
                {
                    var request = requests.Create(index);
                    var (status, response) = await SendAsync(http, request, token);
                    if (status == 0 && response.StartsWith(RefusedUnread, StringComparison.Ordinal) && await AliveAsync(http, token))
                    {
                        // The server answered and closed before taking the whole body: a refusal, not a crash (it is alive).
                        Interlocked.Increment(ref refusedUnread);
                        status = 499;
                    }

                    Interlocked.Increment(ref sent);
                    statuses.GetOrAdd(request.Operation, _ => new()).AddOrUpdate(status, 1, (_, n) => n + 1);
                    identities.GetOrAdd($"{request.Identity.Kind} / {request.Identity.Label}", _ => new()).AddOrUpdate(status, 1, (_, n) => n + 1);
                    foreach (var kind in Kinds(request))
                    {
                        kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
                    }
                    if (status is >= 500 or 0)
                    {
                        failures.Add((index, Describe(index, request, status, response)));
                    }
                    else if (status is >= 100 and < 400 && request.MustBeRefused)
                    {
                        // A foreign tenant, a wrong role or no valid token, yet answered: whatever it changed shows in the comparison too.
                        foreignTaken.Add((index, Describe(index, request, status, response)));
                    }
                    else if (status is >= 200 and < 300 && !request.AtForeignData && requests.GuardOf(request.Operation) != HostileRequests.Guard.None)
                    {
                        // Built to be refused, yet taken: whatever it changed shows in the comparison too.
                        accepted.Add((index, Describe(index, request, status, response)));
                    }

                    if (Revealed(request, response, seeded) is { Count: > 0 } shown)
                    {
                        revealed.Add((index, $"shows {string.Join(", ", shown)}\n" + Describe(index, request, status, response)));
                    }
                });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The time bound: reported below as a failure, with what was sent.
        }

        clock.Stop();
        await Task.Delay(1_000, cancellationToken); // anything a hostile request set off in the in-memory bus lands first
        var after = await ObservableState.ReadAsync(http, urls, cancellationToken);
        var changes = ObservableState.Differences(before, after);
        var storeChanges = StoreSnapshot.Differences(storedBefore, StoreSnapshot.Take(_data.Path));

        output.WriteLine($"{sent} requests in {clock.Elapsed.TotalSeconds:F1} s ({sent / clock.Elapsed.TotalSeconds:F0}/s, {Parallelism} in parallel), seed {seed}");
        foreach (var operation in operations)
        {
            var histogram = statuses.TryGetValue(operation.Key, out var s)
                ? string.Join(", ", s.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))
                : "none sent";
            output.WriteLine($"  {operation.Key}: {histogram}");
        }

        output.WriteLine($"{refusedUnread} requests were cut off by the server before their body was sent (counted as 499; the host stayed alive)");
        output.WriteLine("Identities (status counts):");
        foreach (var (identity, histogram) in identities.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {identity}: {string.Join(", ", histogram.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}");
        }

        output.WriteLine("Hostile ingredients (requests carrying each): " + string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}")));

        var report = new StringBuilder();
        if (sent < count)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"Only {sent} of {count} requests were sent within {timeBound}.");
        }

        if (!failures.IsEmpty)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{failures.Count} requests got a 5xx or no answer; the first 20:");
            foreach (var (_, text) in failures.OrderBy(f => f.Index).Take(20))
            {
                report.AppendLine(text);
            }

            // What the host said about them (its log lines that name an exception), for the one who fixes it.
            var exceptions = _host.Output.Where(line => line.Contains("Exception", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Take(10).ToList();
            report.AppendLine("The host's exception lines (first 10 distinct):");
            report.AppendLine(string.Join('\n', exceptions.Select(line => "  " + HostileRequests.Excerpt(line, 400))));
        }

        if (!accepted.IsEmpty)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{accepted.Count} requests built to be refused were accepted; the first 20:");
            foreach (var (_, text) in accepted.OrderBy(f => f.Index).Take(20))
            {
                report.AppendLine(text);
            }
        }

        if (!foreignTaken.IsEmpty)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{foreignTaken.Count} requests of a foreign tenant, a wrong role or without a valid token got no 4xx; the first 20:");
            foreach (var (_, text) in foreignTaken.OrderBy(f => f.Index).Take(20))
            {
                report.AppendLine(text);
            }
        }

        if (!revealed.IsEmpty)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{revealed.Count} answers showed another tenant's data or personal data to someone who may not see it; the first 20:");
            foreach (var (_, text) in revealed.OrderBy(f => f.Index).Take(20))
            {
                report.AppendLine(text);
            }
        }

        if (storeChanges.Count > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{storeChanges.Count} tables of the stores changed although every request had to be refused:");
            report.AppendLine(string.Join('\n', storeChanges.Take(20)));
        }

        if (changes.Count > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{changes.Count} observable answers changed although every request had to be refused:");
            report.AppendLine(string.Join('\n', changes.Take(20)));
        }

        if (_host.HasExited)
        {
            report.AppendLine("The embedded host died:\n" + string.Join('\n', _host.Output.TakeLast(40)));
        }

        output.WriteLine(report.Length == 0 ? "No 5xx, nothing changed." : report.ToString());
        Assert.True(report.Length == 0, report.ToString());
    }

    private static async Task<(int Status, string Response)> SendAsync(HttpClient http, FuzzRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.PathAndQuery, UriKind.Relative));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        if (request.Identity.Authorization is { } authorization)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is { Length: > 16 * 1024 })
        {
            message.Headers.ExpectContinue = true;
        }

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e) when (e.Message.StartsWith("Error while copying content", StringComparison.Ordinal))
        {
            return (0, $"{RefusedUnread}: {e.Message} {e.InnerException?.Message}");
        }
        catch (HttpRequestException e)
        {
            return (0, $"no answer: {e.GetType().Name}: {e.Message} {e.InnerException?.Message}");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, $"no answer within {http.Timeout}: {e.Message}");
        }
    }

    private const string RefusedUnread = "connection closed while the body was being sent";

    private static async Task<bool> AliveAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string Describe(int index, FuzzRequest request, int status, string response)
    {
        var body = request.Body is null ? "(none)" : HostileRequests.Excerpt(Encoding.UTF8.GetString(request.Body), 300) + $" [{request.Body.Length} bytes]";
        return $"#{index} {request.Method} {HostileRequests.Excerpt(request.PathAndQuery, 300)} as {request.Identity.Kind} {request.Identity.Label}\n" +
            $"    content type: {request.ContentType ?? "(none)"}; headers: {string.Join(", ", request.Headers.Select(h => h.Key + "=" + HostileRequests.Excerpt(h.Value, 40)))}\n" +
            $"    mutation: {request.Mutation}\n" +
            $"    body: {body}\n" +
            $"    → {(status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture))} {HostileRequests.Excerpt(response, 400)}";
    }

    /// <summary>What kinds of hostility a request carries, for the tally that shows the generator covers them all.</summary>
    private static IEnumerable<string> Kinds(FuzzRequest request) =>
        request.Mutation.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(m => m switch
        {
            _ when m.StartsWith("raw: ", StringComparison.Ordinal) || m.StartsWith("path: ", StringComparison.Ordinal) => m,
            _ when m.StartsWith("identity: ", StringComparison.Ordinal) => "foreign tenant or wrong role at real data",
            _ when m.StartsWith("content type: ", StringComparison.Ordinal) => "wrong content type",
            _ when m.StartsWith("break: ", StringComparison.Ordinal) => "broken required field",
            _ when m.StartsWith("query: ", StringComparison.Ordinal) => "hostile query",
            _ when m.Contains(": wrong type", StringComparison.Ordinal) => "wrong JSON type",
            _ when m.Contains("(not nullable)", StringComparison.Ordinal) => "null where not nullable",
            _ when m.EndsWith(": null", StringComparison.Ordinal) => "null",
            _ when m.Contains("(required)", StringComparison.Ordinal) => "required property missing",
            _ when m.EndsWith(": missing", StringComparison.Ordinal) => "property missing",
            _ when m.Contains("unknown value", StringComparison.Ordinal) => "unknown enum value",
            _ when m.Contains("huge array", StringComparison.Ordinal) => "huge array",
            _ when m.StartsWith("unknown property", StringComparison.Ordinal) => "unknown property",
            _ when m.Contains("extreme number", StringComparison.Ordinal) => "extreme number",
            _ when m.Contains("(102400 chars)", StringComparison.Ordinal) || m.Contains("chars)", StringComparison.Ordinal) && m.Contains("…(+", StringComparison.Ordinal) => "huge string",
            _ => "hostile string",
        }).Distinct();

    /// <summary>
    /// What an answer shows that its reader may not see: ids the request was told must stay hidden, and the personal
    /// code, phone, family name or address of a seeded client to anyone but the social workers of the client's municipality. What the request
    /// itself carried (an id in its path, a code in its search) is not counted as shown.
    /// </summary>
    private static List<string> Revealed(FuzzRequest request, string response, SeededData seeded)
    {
        if (response.Length == 0)
        {
            return [];
        }

        var sent = Uri.UnescapeDataString(request.PathAndQuery) + (request.Body is null ? "" : Encoding.UTF8.GetString(request.Body));
        bool Shows(string value) =>
            response.Contains(value, StringComparison.OrdinalIgnoreCase) && !sent.Contains(value, StringComparison.OrdinalIgnoreCase);
        var shown = (request.MustNotReveal ?? []).Where(Shows).Select(id => $"id {id}").ToList();
        foreach (var referral in seeded.Referrals.Where(r => r.Municipality != request.Identity.OwnMunicipality))
        {
            string[] personal =
            [
                referral.PersonalCode, referral.PersonalCode.Replace("-", "", StringComparison.Ordinal), referral.Phone, referral.Phone.TrimStart('+'),
                referral.FamilyName, JsonSerializer.Serialize(referral.FamilyName).Trim('"'), referral.Address,
            ];
            shown.AddRange(personal.Where(Shows).Select(value => $"personal data of referral {referral.Id} ({referral.Municipality})"));
        }

        return shown.Distinct(StringComparer.Ordinal).ToList();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
