using System.Diagnostics;
using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Lifecycle;

/// <summary>
/// CPU used by each process of interest between two points in time, in cores (CPU seconds per wall second): the
/// services, the gateway, the broker and the harness itself (load generator + automatic provider).
/// </summary>
internal sealed class CpuShares
{
    private const string HarnessName = "harness";
    private readonly List<(string Name, Func<TimeSpan?> Read)> _sources = [];

    public CpuShares(IEnumerable<ChildProcess> processes)
    {
        foreach (var process in processes)
        {
            _sources.Add((process.Name, process.CpuTime));
        }

        if (ProcCpu.BrokerProcessId() is { } broker)
        {
            _sources.Add(("RabbitMQ", () => ProcCpu.Of(broker)));
        }

        _sources.Add((HarnessName + " (load + provider)", () => Process.GetCurrentProcess().TotalProcessorTime));
    }

    public IReadOnlyList<string> Names => _sources.Select(s => s.Name).ToList();

    public Snapshot Take() => new(Stopwatch.GetTimestamp(), _sources.Select(s => s.Read() ?? TimeSpan.Zero).ToArray());

    /// <summary>Cores used by each source between the two snapshots.</summary>
    public static double[] Between(Snapshot before, Snapshot after)
    {
        var wall = Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds;
        return before.Cpu.Zip(after.Cpu, (b, a) => wall > 0 ? (a - b).TotalSeconds / wall : 0).ToArray();
    }

    /// <summary>CPU seconds the platform (every source but the harness) used between the two snapshots.</summary>
    public double PlatformCpuSeconds(Snapshot before, Snapshot after) =>
        _sources.Select((s, i) => s.Name.StartsWith(HarnessName, StringComparison.Ordinal) ? 0 : (after.Cpu[i] - before.Cpu[i]).TotalSeconds).Sum();

    public static string Describe(IReadOnlyList<string> names, double[] cores) =>
        string.Join(", ", names.Zip(cores).OrderByDescending(p => p.Second).Select(p => $"{p.First} {Report.Number(p.Second, 2)}"));

    public sealed record Snapshot(long Timestamp, TimeSpan[] Cpu);
}
