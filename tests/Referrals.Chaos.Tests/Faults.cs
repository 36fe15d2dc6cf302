using System.Diagnostics;
using System.Globalization;

namespace Referrals.Chaos.Tests;

/// <summary>One fault the run injects at a random moment, and how the system is brought back.</summary>
public sealed record Fault(string Name, Func<ChaosSystem, FaultLog, Task<string?>> InjectAsync);

/// <summary>The faults of issue #9. Each returns a failure message when the system did not come back as it should.</summary>
public static class Faults
{
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(1);

    /// <summary>kill -9 the service, keep it down a moment, start it again on the same port and store.</summary>
    public static Fault Crash(string service) => new($"kill -9 {service}", async (system, log) =>
    {
        var process = system.Services[service];
        await process.KillHardAsync();
        log.Write($"FAULT   kill -9 {service} (SIGKILL)");
        await Task.Delay(Downtime);
        return await RestartAsync(system, log, service);
    });

    /// <summary>SIGTERM under load: the host's graceful shutdown must finish in-flight work, then it is started again.</summary>
    public static Fault Terminate(string service) => new($"SIGTERM {service}", async (system, log) =>
    {
        log.Write($"FAULT   SIGTERM {service} (graceful shutdown under load)");
        var (took, graceful) = await system.Services[service].TerminateAsync(TimeSpan.FromSeconds(45));
        log.Write(string.Create(CultureInfo.InvariantCulture,
            $"        {service} {(graceful ? "shut down by itself" : "did NOT shut down within 45 s and was killed")} in {took.TotalSeconds:0.0} s, exit code {system.Services[service].ExitCode}"));
        var failure = graceful ? null : $"{service} did not shut down gracefully on SIGTERM within 45 s";
        return await RestartAsync(system, log, service) ?? failure;
    });

    public static Fault BrokerRestart() => new("restart RabbitMQ", async (system, log) =>
    {
        if (system.Broker is null)
        {
            log.Write($"SKIPPED restart RabbitMQ: {system.BrokerRestartUnavailable} (the shared broker is never restarted)");
            return null;
        }

        var watch = Stopwatch.StartNew();
        log.Write($"FAULT   RabbitMQ node {system.Broker.NodeName} stopping");
        await system.Broker.StopAsync();
        log.Write("        RabbitMQ stopped");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await system.Broker.StartAsync();
        log.Write(string.Create(CultureInfo.InvariantCulture, $"RECOVER RabbitMQ started again on the same mnesia directory (down {watch.Elapsed.TotalSeconds:0.0} s)"));
        return null;
    });

    public static Fault KannelOutage(TimeSpan outage) => new($"stop Kannel smsbox for {outage.TotalSeconds:0} s", async (system, log) =>
    {
        await system.Kannel.StopSmsboxAsync();
        log.Write(string.Create(CultureInfo.InvariantCulture, $"FAULT   Kannel smsbox killed: SMS gateway down for {outage.TotalSeconds:0} s"));
        await Task.Delay(outage);
        await system.Kannel.StartSmsboxAsync();
        log.Write("RECOVER Kannel smsbox started again");
        return null;
    });

    private static async Task<string?> RestartAsync(ChaosSystem system, FaultLog log, string service)
    {
        var watch = Stopwatch.StartNew();
        system.Services[service].Start();
        try
        {
            await system.WaitUntilReadyAsync(service);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            log.Write($"FAILED  {service} did not come back: {e.Message}");
            return $"{service} did not come back after the restart";
        }

        log.Write(string.Create(CultureInfo.InvariantCulture, $"RECOVER {service} restarted, ready after {watch.Elapsed.TotalSeconds:0.0} s"));
        return null;
    }
}
