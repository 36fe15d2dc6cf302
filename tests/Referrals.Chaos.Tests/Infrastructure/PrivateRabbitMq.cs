using System.Diagnostics;
using System.Globalization;

namespace Referrals.Chaos.Tests.Infrastructure;

/// <summary>
/// A RabbitMQ node of the test's own (Debian's rabbitmq-server, run directly rather than through the wrapper that
/// switches to the rabbitmq user), on free ports with its mnesia, logs, config and Erlang cookie in a temp folder, the
/// management plugin off. Restarting it (stop the node, start it on the same mnesia directory) cannot disturb the
/// shared broker other tests use. <see cref="MissingReason"/> says why it could not be started, if it could not.
/// </summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    public const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string Ctl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    private readonly string _directory;
    private readonly Dictionary<string, string> _environment;
    private readonly ChildProcess _node;

    private PrivateRabbitMq(string directory)
    {
        _directory = directory;
        NodeName = $"chaos-{Guid.NewGuid().ToString("N")[..8]}@localhost";
        Port = ChildProcess.FreePort();
        var distributionPort = ChildProcess.FreePort();
        foreach (var sub in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(directory, sub));
        }

        File.WriteAllText(Path.Combine(directory, "rabbitmq.conf"),
            $"listeners.tcp.default = 127.0.0.1:{Port}\nloopback_users = none\n");
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[].\n");
        _environment = new Dictionary<string, string>
        {
            // The CLI and the node find the same Erlang cookie here, not in root's or rabbitmq's home.
            ["HOME"] = Path.Combine(directory, "home"),
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        };
        _node = new ChildProcess("RabbitMQ", Server, [], _environment, directory);
    }

    public string NodeName { get; }

    public int Port { get; }

    public string AmqpUrl => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public ChildProcess Process => _node;

    /// <summary>Starts a node, or returns null with the reason it cannot run here.</summary>
    public static async Task<(PrivateRabbitMq? Broker, string? MissingReason)> TryStartAsync(string directory)
    {
        if (!File.Exists(Server) || !File.Exists(Ctl))
        {
            return (null, $"{Server} or {Ctl} is not installed (apt-get install rabbitmq-server)");
        }

        var broker = new PrivateRabbitMq(directory);
        try
        {
            await broker.StartAsync();
            return (broker, null);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            var reason = $"a private RabbitMQ node could not be started: {e.Message}";
            await broker.DisposeAsync();
            return (null, reason);
        }
    }

    public async Task StartAsync()
    {
        _node.Start();
        await _node.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(90));
        var (code, output) = await CtlAsync("await_startup", "--timeout", "60");
        if (code != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl await_startup failed ({code}): {output}\n{_node.Tail(40)}");
        }
    }

    /// <summary>A clean stop of the node (queues and persistent messages stay in mnesia), as an operator's restart does.</summary>
    public async Task StopAsync()
    {
        var (code, _) = await CtlAsync("stop");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_node.IsRunning && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (code != 0 || _node.IsRunning)
        {
            await _node.KillHardAsync();
        }
    }

    /// <summary>Every queue with its ready message count (<c>rabbitmqctl list_queues name messages</c>).</summary>
    public async Task<IReadOnlyDictionary<string, int>> QueueDepthsAsync()
    {
        var (code, output) = await CtlAsync("-q", "list_queues", "name", "messages");
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        if (code != 0)
        {
            return depths;
        }

        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                depths[parts[0]] = count;
            }
        }

        return depths;
    }

    public async ValueTask DisposeAsync()
    {
        if (_node.IsRunning)
        {
            await StopAsync();
        }

        await _node.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<(int Code, string Output)> CtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Ctl, ["-n", NodeName, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, (await output) + (await error));
    }
}
