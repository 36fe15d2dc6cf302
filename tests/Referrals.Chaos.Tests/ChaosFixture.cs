using System.Diagnostics;
using Xunit;

namespace Referrals.Chaos.Tests;

/// <summary>
/// One chaos system for the chaos tests (five processes, a broker node and Kannel take half a minute to start on a busy
/// machine). Each test runs its own scenario on it, so their referrals, providers and phone numbers never meet.
/// </summary>
public sealed class ChaosFixture : IAsyncLifetime
{
    private readonly List<string> _startup = [];

    public ChaosSystem? System { get; private set; }

    public string? SkipReason { get; private set; }

    /// <summary>What starting the system printed (the broker node, ports): repeated at the top of each test's timeline.</summary>
    public IReadOnlyList<string> Startup => _startup;

    public async ValueTask InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        (System, SkipReason) = await ChaosSystem.StartAsync(line =>
        {
            _startup.Add($"{watch.Elapsed.TotalSeconds:0.0}s {line}");
            Console.WriteLine($"[chaos startup] {line}");
        });
        _startup.Add($"{watch.Elapsed.TotalSeconds:0.0}s system started");
    }

    public void SkipWhenUnavailable() => Assert.SkipWhen(System is null, SkipReason ?? "");

    public async ValueTask DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }
}
