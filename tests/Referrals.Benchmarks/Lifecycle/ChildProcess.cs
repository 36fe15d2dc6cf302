using System.Diagnostics;
using System.Globalization;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Lifecycle;

/// <summary>
/// A built service (<c>dotnet X.dll</c>) as its own process on a free loopback port. Unlike the test suite's
/// ServiceProcess it exposes what a benchmark reads from /proc: peak and current resident memory, CPU time.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Queue<string> _lastOutput = new();
    private readonly Process _process;

    private ChildProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public static ChildProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{name} is not built: run `dotnet build <project> -c Release` (looked for {dll}).");
        }

        var address = new Uri($"http://127.0.0.1:{Loopback.FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Urls"] = address.ToString().TrimEnd('/');
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        var child = new ChildProcess(name, process, address);
        process.OutputDataReceived += (_, e) => child.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => child.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Polls <c>/health/ready</c> every 50 ms until it answers 200 (bounded by <paramref name="limit"/>).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}: {LastOutput()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
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

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {limit.TotalSeconds} s: {LastOutput()}");
    }

    /// <summary>Peak resident memory so far (VmHWM), bytes; null when /proc is not readable.</summary>
    public long? PeakResidentBytes() => StatusKilobytes("VmHWM:") * 1024;

    /// <summary>Resident memory now (VmRSS), bytes.</summary>
    public long? ResidentBytes() => StatusKilobytes("VmRSS:") * 1024;

    /// <summary>User + system CPU time so far (from /proc/pid/stat), or null.</summary>
    public TimeSpan? CpuTime() => ProcCpu.Of(_process.Id);

    public string LastOutput()
    {
        lock (_lastOutput)
        {
            return string.Join(Environment.NewLine, _lastOutput);
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

    private long? StatusKilobytes(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kb)
                ? kb
                : null;
        }
        catch (IOException)
        {
            return null;
        }
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
            if (_lastOutput.Count > 30)
            {
                _lastOutput.Dequeue();
            }
        }
    }
}
