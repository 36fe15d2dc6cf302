using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Referrals.Chaos.Tests.Infrastructure;

/// <summary>
/// One program run as a child process that the chaos test may crash (<see cref="KillHard"/>: SIGKILL, as a power cut
/// would), stop politely (<see cref="TerminateAsync"/>: SIGTERM, as an orchestrator would) and start again with the
/// same arguments, environment and port, so it finds its own data again. Keeps the last lines it wrote, across restarts.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 4000;

    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _fileName;
    private readonly IReadOnlyList<string> _arguments;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _workingDirectory;
    private readonly Lock _logLock = new();
    private Process? _process;

    public ChildProcess(string name, string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        string workingDirectory)
    {
        Name = name;
        _fileName = fileName;
        _arguments = arguments;
        _environment = environment;
        _workingDirectory = workingDirectory;
    }

    public string Name { get; }

    public int Starts { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Called with every line the process writes (e.g. to capture what an SMS centre received).</summary>
    public Action<string>? OnLine { get; init; }

    /// <summary>A file that gets every line with the time it was read (all of it, unlike <see cref="Tail"/>).</summary>
    public string? LogFile { get; set; }

    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        _process?.Dispose();
        var start = new ProcessStartInfo(_fileName, _arguments)
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // fakesmsc ends at the end of its input: the pipe stays open for the life of the process.
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        Keep($"--- started (start #{Starts}, pid {process.Id}) ---");
    }

    /// <summary>kill -9: no shutdown code runs, nothing is flushed, in-flight work is simply gone.</summary>
    public async Task KillHardAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await WaitForExitAsync(process, TimeSpan.FromSeconds(15));
            Keep("--- killed (SIGKILL) ---");
        }
    }

    /// <summary>SIGTERM, then waits for the process to finish its graceful shutdown; SIGKILL only past the patience.</summary>
    /// <returns>How long the shutdown took, and whether it ended by itself.</returns>
    public async Task<(TimeSpan Took, bool Graceful)> TerminateAsync(TimeSpan patience)
    {
        if (_process is not { HasExited: false } process)
        {
            return (TimeSpan.Zero, true);
        }

        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
               {
                   UseShellExecute = false,
               }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        var graceful = await WaitForExitAsync(process, patience);
        if (!graceful)
        {
            process.Kill(entireProcessTree: true);
            await WaitForExitAsync(process, TimeSpan.FromSeconds(15));
        }

        Keep($"--- terminated (SIGTERM, {(graceful ? "exited by itself" : "had to be killed")}, exit code {SafeExitCode(process)}) ---");
        return (watch.Elapsed, graceful);
    }

    public int? ExitCode => _process is { HasExited: true } p ? SafeExitCode(p) : null;

    /// <summary>Waits until GET <paramref name="health"/> answers 200 (an HTTP service) — or only until it listens.</summary>
    public async Task WaitUntilHealthyAsync(Uri health, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{Name} exited during start (code {ExitCode}):\n{Tail(60)}");
            }

            try
            {
                using var response = await http.GetAsync(health);
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

        throw new TimeoutException($"{Name} was not healthy within {timeout}:\n{Tail(60)}");
    }

    /// <summary>Waits until something accepts TCP connections on <paramref name="port"/>.</summary>
    public async Task WaitUntilListeningAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{Name} exited during start (code {ExitCode}):\n{Tail(60)}");
            }

            if (await IsListeningAsync(port))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} did not listen on {port} within {timeout}:\n{Tail(60)}");
    }

    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public string Tail(int lines) => string.Join('\n', _output.TakeLast(lines).Select(line => $"[{Name}] {line}"));

    public IEnumerable<string> Lines => _output;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillHardAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process?.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        OnLine?.Invoke(line);
        _output.Enqueue(line);
        if (LogFile is not null)
        {
            lock (_logLock)
            {
                File.AppendAllText(LogFile, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}\n");
            }
        }

        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static int? SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
