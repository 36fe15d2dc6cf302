using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace Referrals.Chaos.Tests;

/// <summary>
/// The run's timeline (seconds since the start, what happened) and its report, written to the test output as it
/// happens and to the console, so a CI log shows it whether the test passes or fails.
/// </summary>
public sealed class FaultLog
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<string> _lines = new();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Write(string text)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"[chaos {_clock.Elapsed.TotalSeconds,7:0.0}s] {text}");
        _lines.Enqueue(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in _lines)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
