using Xunit;

namespace Referrals.Chaos.Tests;

/// <summary>
/// Issue #9, chaos: referrals keep coming while services crash, the broker restarts and the SMS gateway is down, and
/// afterwards nothing is lost, nothing is doubled, places add up and every family got exactly the SMS it should.
/// CI size by default; <c>scripts/chaos.sh</c> runs the full size. Both tests share one system, each with a scenario
/// (municipality, service type, providers, phone numbers) of its own.
/// </summary>
public sealed class ChaosTests(ChaosFixture fixture) : IClassFixture<ChaosFixture>
{
    [Fact]
    public async Task Crashes_a_broker_restart_and_an_SMS_gateway_outage_lose_and_double_nothing()
    {
        var settings = ChaosSettings.FromEnvironment();
        await RunAsync(ChaosScenario.Crashes, settings,
        [
            .. ChaosSystem.ServiceNames.Select(Faults.Crash),
            Faults.BrokerRestart(),
            Faults.KannelOutage(settings.KannelOutage),
        ]);
    }

    [Fact]
    public async Task A_graceful_shutdown_of_each_service_under_load_loses_nothing()
    {
        var settings = ChaosSettings.FromEnvironment().ForGracefulShutdown();
        await RunAsync(ChaosScenario.GracefulShutdown, settings, ChaosSystem.ServiceNames.Select(Faults.Terminate).ToList());
    }

    private async Task RunAsync(ChaosScenario scenario, ChaosSettings settings, IReadOnlyList<Fault> faults)
    {
        fixture.SkipWhenUnavailable();
        var system = fixture.System!;
        var log = new FaultLog();
        log.Write($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024)} MB, "
            + $".NET {Environment.Version}, {(settings.IsFullSize ? "FULL size" : "CI size")}");
        foreach (var line in fixture.Startup)
        {
            log.Write("startup " + line);
        }

        IReadOnlyList<string> failures;
        string report;
        try
        {
            (failures, report) = await new ChaosRun(system, scenario, settings, log, faults).RunAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            Assert.Fail($"The run broke off: {e.Message}\n\nTimeline:\n{log}\n\nLast lines:\n{system.Tails(30)}");
            return;
        }

        log.Write("Tallies:\n" + report);
        if (failures.Count > 0)
        {
            var logs = Path.Combine(Referrals.Testing.RepositoryLayout.Root, "artifacts", "chaos",
                $"logs-{DateTime.UtcNow:yyyyMMddTHHmmss}-{settings.Seed}");
            system.KeepLogs(logs);
            log.Write($"Complete process logs: {logs}");
        }

        log.Write($"Finished in {log.Elapsed.TotalSeconds:0} s: {(failures.Count == 0 ? "nothing lost, nothing doubled" : $"{failures.Count} failure(s)")}");
        Assert.True(failures.Count == 0,
            $"{failures.Count} failure(s):\n{string.Join('\n', failures.Take(40))}\n\nTimeline:\n{log}\n\nLast lines:\n{system.Tails(15)}");
    }
}
