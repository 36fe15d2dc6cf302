namespace Referrals.Benchmarks.Harness;

/// <summary>The command line. Every address must be loopback: the harness never generates load against another machine.</summary>
public sealed class BenchOptions
{
    public const string All = "all";

    public required string Command { get; init; }

    /// <summary>Short runs that prove the harness works; the numbers are not for publication.</summary>
    public bool Quick { get; init; }

    public string? MarkdownPath { get; init; }

    public Uri RabbitMqUrl { get; init; } = new("amqp://guest:guest@127.0.0.1:5672/");

    public Uri RabbitMqManagementUrl { get; init; } = new("http://guest:guest@127.0.0.1:15672/");

    public required string GatewayDll { get; init; }

    public RunBounds Bounds => Quick ? RunBounds.QuickRun : RunBounds.FullRun;

    public static string Usage(IEnumerable<string> commands) =>
        $"""
        usage: Referrals.Benchmarks <{string.Join('|', commands)}|all> [--quick] [--markdown FILE]
                                    [--rabbitmq amqp://guest:guest@127.0.0.1:5672/]
                                    [--management http://guest:guest@127.0.0.1:15672/]
                                    [--gateway-dll gateway/Referrals.Gateway/bin/Release/net10.0/Referrals.Gateway.dll]
        """;

    public static bool TryParse(string[] args, IReadOnlyCollection<string> commands, out BenchOptions options, out string error)
    {
        options = null!;
        error = "";
        if (args.Length == 0 || (args[0] != All && !commands.Contains(args[0])))
        {
            error = args.Length == 0 ? "missing command" : $"unknown command '{args[0]}'";
            return false;
        }

        var quick = false;
        string? markdown = null;
        var rabbit = Environment.GetEnvironmentVariable("REFERRALS_BENCH_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/";
        var management = Environment.GetEnvironmentVariable("REFERRALS_BENCH_RABBITMQ_MANAGEMENT") ?? "http://guest:guest@127.0.0.1:15672/";
        var gatewayDll = Path.Combine(RepositoryRoot(), "gateway", "Referrals.Gateway", "bin", "Release", "net10.0", "Referrals.Gateway.dll");
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--quick": quick = true; break;
                    case "--markdown": markdown = Value(); break;
                    case "--rabbitmq": rabbit = Value(); break;
                    case "--management": management = Value(); break;
                    case "--gateway-dll": gatewayDll = Value(); break;
                    default: error = $"unknown option '{args[i]}'"; return false;
                }
            }
            catch (ArgumentException e)
            {
                error = e.Message;
                return false;
            }
        }

        if (!Uri.TryCreate(rabbit, UriKind.Absolute, out var rabbitUri) || !Uri.TryCreate(management, UriKind.Absolute, out var managementUri))
        {
            error = "--rabbitmq and --management must be absolute URLs";
            return false;
        }

        if (!Loopback.IsLoopback(rabbitUri) || !Loopback.IsLoopback(managementUri))
        {
            error = "the broker must be on a loopback address (127.0.0.1, ::1 or localhost)";
            return false;
        }

        options = new BenchOptions
        {
            Command = args[0],
            Quick = quick,
            MarkdownPath = markdown,
            RabbitMqUrl = rabbitUri,
            RabbitMqManagementUrl = managementUri,
            GatewayDll = Path.GetFullPath(gatewayDll),
        };
        return true;
    }

    /// <summary>The folder holding Referrals.sln, found upwards from the program (or the current directory).</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Referrals.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
