using System.Diagnostics;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Gateway;

/// <summary>
/// The real gateway (its Release build) as a separate process on a free loopback port, with the cluster under test
/// pointed at the stand-in backend. Its own configuration (routes, health checks, telemetry) is used unchanged.
/// </summary>
internal sealed class GatewayProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastOutput = new();

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<GatewayProcess> StartAsync(string dll, string cluster, Uri backend, CancellationToken cancellationToken)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The gateway is not built: run `dotnet build gateway/Referrals.Gateway -c Release` (looked for {dll}).");
        }

        var port = Loopback.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        // --urls wins over the "Urls" in the gateway's appsettings.json.
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment[$"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address"] = backend.ToString();
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in BenchIdentity.Settings())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway");
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => gateway.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await gateway.WaitUntilItProxiesAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            gateway.Dispose();
            throw;
        }

        return gateway;
    }

    /// <summary>Peak resident memory of the gateway so far (VmHWM), or null off Linux.</summary>
    public long? PeakWorkingSetBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb) ? kb * 1024 : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }

    private async Task WaitUntilItProxiesAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        client.DefaultRequestHeaders.Authorization = BenchIdentity.SocialWorker;
        var probe = new Uri(Address, RulesBackend.RulesPath);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with code {_process.ExitCode}: {LastOutput()}");
            }

            try
            {
                using var response = await client.GetAsync(probe, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // slow start on a loaded machine
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"the gateway did not proxy {probe} within {limit.TotalSeconds} s: {LastOutput()}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            if (_lastOutput.Count > 20)
            {
                _lastOutput.Dequeue();
            }
        }
    }

    private string LastOutput()
    {
        lock (_lastOutput)
        {
            return string.Join(Environment.NewLine, _lastOutput);
        }
    }
}
