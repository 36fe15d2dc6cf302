using System.Globalization;

namespace Referrals.Benchmarks.Lifecycle;

/// <summary>CPU time of any process from /proc (Linux), so a report can say which process saturates the cores.</summary>
internal static class ProcCpu
{
    // USER_HZ is 100 on every Linux the platform targets.
    private const double TicksPerSecond = 100.0;

    public static TimeSpan? Of(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command name may contain spaces: fields are counted after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The RabbitMQ node on this machine (beam.smp running rabbit), if there is exactly one to find.</summary>
    public static int? BrokerProcessId()
    {
        try
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                try
                {
                    if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "beam.smp"
                        && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("rabbit", StringComparison.Ordinal))
                    {
                        return pid;
                    }
                }
                catch (IOException)
                {
                    // the process ended while we looked
                }
                catch (UnauthorizedAccessException)
                {
                    // not ours to read
                }
            }
        }
        catch (IOException)
        {
            return null;
        }

        return null;
    }
}
