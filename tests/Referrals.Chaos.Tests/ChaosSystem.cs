using Referrals.Chaos.Tests.Infrastructure;
using Referrals.Testing;

namespace Referrals.Chaos.Tests;

/// <summary>
/// The distributed mode as deployed, built to be hurt: the four services and the gateway as <c>dotnet X.dll</c>
/// processes on fixed ports (a restarted service comes back where the gateway and Kannel expect it, on the same SQLite
/// files), a RabbitMQ node of the test's own (restartable without touching anyone else's broker), and Notification
/// sending through real Kannel to fakesmsc, quiet hours off, short back-offs so a gateway outage is waited out.
/// </summary>
public sealed class ChaosSystem : IAsyncDisposable
{
    public static readonly string[] ServiceNames = ["Intake", "Eligibility", "ProviderDirectory", "Notification"];

    private static readonly Dictionary<string, (string Project, string Store)> Projects = new()
    {
        ["Intake"] = ("services/Intake/Referrals.Intake", "IntakeStore"),
        ["Eligibility"] = ("services/Eligibility/Referrals.Eligibility", "EligibilityStore"),
        ["ProviderDirectory"] = ("services/ProviderDirectory/Referrals.ProviderDirectory", "ProviderDirectoryStore"),
        ["Notification"] = ("services/Notification/Referrals.Notification", "NotificationStore"),
    };

    private readonly TempDirectory _data = new();
    private readonly Dictionary<string, ChildProcess> _services = [];
    private readonly Dictionary<string, int> _ports = [];
    private ChildProcess? _gateway;
    private int _gatewayPort;

    private ChaosSystem()
    {
    }

    public PrivateRabbitMq? Broker { get; private set; }

    /// <summary>Why the broker cannot be restarted in this run (no private node), or null.</summary>
    public string? BrokerRestartUnavailable { get; private set; }

    public KannelSmsCentre Kannel { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public IReadOnlyDictionary<string, ChildProcess> Services => _services;

    /// <summary>Starts everything; returns null with the reason when a prerequisite is missing on this machine.</summary>
    public static async Task<(ChaosSystem? System, string? SkipReason)> StartAsync(Action<string> log)
    {
        if (KannelSmsCentre.MissingReason() is { } kannelMissing)
        {
            return (null, kannelMissing);
        }

        var system = new ChaosSystem();
        try
        {
            var skip = await system.StartAllAsync(log);
            if (skip is not null)
            {
                await system.DisposeAsync();
                return (null, skip);
            }

            return (system, null);
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task<string?> StartAllAsync(Action<string> log)
    {
        string rabbit;
        var (broker, brokerMissing) = await PrivateRabbitMq.TryStartAsync(Path.Combine(_data.Path, "rabbitmq"));
        if (broker is not null)
        {
            Broker = broker;
            rabbit = broker.AmqpUrl;
            log($"RabbitMQ: private node {broker.NodeName} on 127.0.0.1:{broker.Port}");
        }
        else
        {
            // Never restart the shared broker: without a node of our own that fault is skipped.
            BrokerRestartUnavailable = brokerMissing;
            if (await TestInfrastructure.RabbitMqMissingReasonAsync() is { } sharedMissing)
            {
                return $"No RabbitMQ: {brokerMissing}; and no shared broker: {sharedMissing}";
            }

            rabbit = await TestInfrastructure.FreshRabbitMqVirtualHostAsync("chaos");
            log($"RabbitMQ: {brokerMissing} — using a virtual host of the shared broker; the broker restart is SKIPPED");
        }

        Kannel = new KannelSmsCentre(Path.Combine(_data.Path, "kannel"));
        await Kannel.StartAsync();
        log($"Kannel: bearerbox + smsbox (sendsms {Kannel.SendSmsUrl}) + fakesmsc");

        foreach (var name in ServiceNames)
        {
            _ports[name] = ChildProcess.FreePort();
        }

        _gatewayPort = ChildProcess.FreePort();
        foreach (var name in ServiceNames)
        {
            var (project, store) = Projects[name];
            var environment = Common(_ports[name]);
            environment["ConnectionStrings__RabbitMq"] = rabbit;
            environment["Messaging__Transport"] = "RabbitMq";
            environment["Messaging__OutboxSweepInterval"] = "00:00:01";
            environment[$"ConnectionStrings__{store}"] = _data.SqliteConnectionString(name.ToLowerInvariant());
            environment["ProviderDirectory__SeedDemoDirectory"] = "false";
            if (name == "Notification")
            {
                AddKannelSender(environment, _ports[name]);
            }

            _services[name] = Dotnet(name, RepositoryLayout.Assembly(project, "Referrals." + name), environment);
        }

        var gateway = Common(_gatewayPort);
        foreach (var name in ServiceNames)
        {
            gateway[$"ReverseProxy__Clusters__{name.ToLowerInvariant()}__Destinations__primary__Address"] = $"http://127.0.0.1:{_ports[name]}/";
        }

        // The chaos client is one user sending a lot: the production rate limits would only measure themselves.
        gateway["Edge__UserRequestsPerSecond"] = "100000";
        gateway["Edge__UserBurst"] = "100000";
        gateway["Edge__AddressRequestsPerSecond"] = "100000";
        gateway["Edge__AddressBurst"] = "100000";
        _gateway = Dotnet("Gateway", RepositoryLayout.Assembly("gateway/Referrals.Gateway", "Referrals.Gateway"), gateway);

        var logs = Directory.CreateDirectory(Path.Combine(_data.Path, "logs")).FullName;
        foreach (var process in AllProcesses())
        {
            process.LogFile = Path.Combine(logs, process.Name + ".log");
        }

        foreach (var process in _services.Values.Append(_gateway))
        {
            process.Start();
        }

        await Task.WhenAll(ServiceNames.Select(WaitUntilReadyAsync).Append(
            _gateway.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{_gatewayPort}/health/ready"), TimeSpan.FromSeconds(120))));
        Gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_gatewayPort}"), Timeout = TimeSpan.FromSeconds(20) };
        log($"Services: {string.Join(", ", ServiceNames.Select(n => $"{n} :{_ports[n]}"))}, Gateway :{_gatewayPort}");
        return null;
    }

    public Task WaitUntilReadyAsync(string service) =>
        _services[service].WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{_ports[service]}/health/ready"), TimeSpan.FromSeconds(120));

    /// <summary>Copies every process's complete log to <paramref name="destination"/> (kept after the run, for diagnosis).</summary>
    public void KeepLogs(string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_data.Path, "logs")))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }
    }

    private IEnumerable<ChildProcess> AllProcesses() =>
        _services.Values.Append(_gateway).OfType<ChildProcess>()
            .Concat(Broker is null ? [] : [Broker.Process]).Concat(Kannel?.Processes ?? []);

    /// <summary>The last lines of every process: for a failure message.</summary>
    public string Tails(int lines) =>
        string.Join('\n', AllProcesses().Select(p => p.Tail(lines)));

    /// <summary>Lines of every service that look like trouble (errors, fatal, unhandled), for the report.</summary>
    public IEnumerable<string> ErrorLines() =>
        _services.Values.Append(_gateway).OfType<ChildProcess>().SelectMany(p => p.Lines
            .Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal))
            .Select(l => $"[{p.Name}] {l}"));

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }

        if (Kannel is not null)
        {
            await Kannel.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        _data.Dispose();
    }

    private void AddKannelSender(Dictionary<string, string> environment, int port)
    {
        environment["Notification__Sender"] = "Kannel";
        environment["Notification__QuietHoursStart"] = "00:00";
        environment["Notification__QuietHoursEnd"] = "00:00";
        environment["Notification__ResendInterval"] = "00:00:00.250";
        environment["Notification__RetryBackoff"] = "00:00:00.250";
        environment["Notification__MaxRetryBackoff"] = "00:00:01";
        // An outage of up to a minute must be waited out, not given up as Failed.
        environment["Notification__MaxSendAttempts"] = "1000";
        // Longer than smsbox's retries of a delivery report (10 × 2 s, KannelSmsCentre), shorter than the stall limit.
        environment["Notification__UnansweredHandOverTimeout"] = "00:00:30";
        environment["Notification__Kannel__BaseUrl"] = Kannel.SendSmsUrl;
        environment["Notification__Kannel__Username"] = KannelSmsCentre.Username;
        environment["Notification__Kannel__Password"] = KannelSmsCentre.Password;
        environment["Notification__Kannel__From"] = KannelSmsCentre.From;
        environment["Notification__Kannel__DeliveryReportBaseUrl"] = $"http://127.0.0.1:{port}";
        environment["Notification__Kannel__RetryAttempts"] = "1";
        environment["Notification__Kannel__RetryDelay"] = "00:00:00.050";
        environment["Notification__Kannel__BreakDuration"] = "00:00:00.500";
        environment["Notification__Kannel__Timeout"] = "00:00:05";
    }

    private static Dictionary<string, string> Common(int port) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Urls"] = $"http://127.0.0.1:{port}",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Identity__Mode"] = "Development",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Referrals"] = "Information",
        ["Logging__Console__FormatterName"] = "simple",
    };

    private static ChildProcess Dotnet(string name, string assembly, Dictionary<string, string> environment)
    {
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{name} is not built: {assembly}");
        }

        return new ChildProcess(name, "dotnet", [assembly], environment, Path.GetDirectoryName(assembly)!);
    }
}
