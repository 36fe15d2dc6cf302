using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Referrals.Benchmarks.Harness;

/// <summary>The header of every run: the machine, its load, the versions. Numbers without it are not comparable.</summary>
public static class MachineInfo
{
    public static async Task WriteAsync(Report report, BenchOptions options, bool withBroker, CancellationToken cancellationToken)
    {
        var broker = "not queried (no broker benchmark selected)";
        if (withBroker)
        {
            try
            {
                using var management = new BrokerManagement(options.RabbitMqManagementUrl, options.RabbitMqUrl);
                broker = await management.BrokerVersionAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                broker = $"unreachable at {options.RabbitMqManagementUrl.GetLeftPart(UriPartial.Authority)} ({e.Message})";
            }
        }

        report.Line("| | |");
        report.Line("| --- | --- |");
        report.Line($"| Date (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |");
        report.Line($"| Commit | {GitCommit()} |");
        report.Line($"| CPU | {CpuModel()}, {Environment.ProcessorCount} logical cores |");
        report.Line($"| Memory | {MemoryTotal()} |");
        report.Line($"| Load average at start | {LoadAverage()} |");
        report.Line($"| OS | {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}) |");
        report.Line($"| .NET | {RuntimeInformation.FrameworkDescription} |");
        report.Line($"| MassTransit | {VersionOf(typeof(MassTransit.IBus).Assembly)} |");
        report.Line($"| RabbitMQ.Client | {VersionOf(typeof(RabbitMQ.Client.ConnectionFactory).Assembly)} |");
        report.Line($"| YARP (gateway) | {YarpVersion(options.GatewayDll)} |");
        report.Line($"| Broker | {broker} |");
        report.Line($"| Mode | {(options.Quick ? "--quick (smoke run: short phases, numbers are indicative only)" : "full")} |");
    }

    public static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "?";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static string YarpVersion(string gatewayDll)
    {
        var yarp = Path.Combine(Path.GetDirectoryName(gatewayDll) ?? ".", "Yarp.ReverseProxy.dll");
        return File.Exists(yarp) ? FileVersionInfo.GetVersionInfo(yarp).ProductVersion?.Split('+')[0] ?? "?" : "gateway not built";
    }

    private static string CpuModel() =>
        ReadProc("/proc/cpuinfo")
            .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?
            .Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryTotal()
    {
        var line = ReadProc("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb)
            ? $"{kb / 1024.0 / 1024.0:0.0} GiB"
            : $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0:0.0} GiB (GC view)";
    }

    private static string LoadAverage() =>
        ReadProc("/proc/loadavg").FirstOrDefault() is { } line ? string.Join(" ", line.Split(' ').Take(3)) + " (1/5/15 min)" : "?";

    private static string[] ReadProc(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string GitCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "describe --always --dirty --abbrev=10")
            {
                WorkingDirectory = BenchOptions.RepositoryRoot(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (git is null || !git.WaitForExit(5_000))
            {
                return "?";
            }

            var commit = git.StandardOutput.ReadToEnd().Trim();
            return commit.Length > 0 ? commit : "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
