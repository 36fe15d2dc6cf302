using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Referrals.Testing;

/// <summary>
/// A built service started as a real process (<c>dotnet X.dll</c>) on a free loopback port, with every line of its
/// standard output and error kept so a test can read every log line, and killed (with its children) when disposed.
/// Runs in the Production environment with the built-in development sign-in (<c>Identity__Mode=Development</c>), so
/// tests can call it with <see cref="TestTokens"/>; the caller's environment overrides either.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _assembly;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    public ServiceProcess(string name, string assembly, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        Name = name;
        _assembly = assembly;
        Port = port ?? FreePort();
        _environment = environment;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public IReadOnlyCollection<string> Output => _output;

    public bool HasExited => _process?.HasExited ?? true;

    public void Start()
    {
        if (!File.Exists(_assembly))
        {
            throw new FileNotFoundException($"{Name} is not built: {_assembly}");
        }

        var start = new ProcessStartInfo("dotnet", [_assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(_assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["Urls"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Identity__Mode"] = "Development";
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the process output when it does not.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start:\n{string.Join('\n', _output.TakeLast(60))}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{string.Join('\n', _output.TakeLast(60))}");
    }

    /// <summary>Every line the process has written so far, prefixed with its name: for failure messages.</summary>
    public string OutputText() => string.Join('\n', _output.Select(line => $"[{Name}] {line}"));

    /// <summary>kill -9: no graceful shutdown, as a crash would be.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            if (_process.WaitForExit(10_000))
            {
                // Without a timeout it also waits until the redirected output has been read to its end: no line is lost.
                _process.WaitForExit();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
