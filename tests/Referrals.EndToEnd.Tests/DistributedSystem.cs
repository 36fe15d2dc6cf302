using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Referrals.Testing;
using Xunit;

namespace Referrals.EndToEnd.Tests;

/// <summary>
/// The distributed mode for real: the four services and the gateway as separate processes over a RabbitMQ virtual host
/// of their own, each service with its own SQLite store, the demo directory off (each test brings its providers), every
/// process with the built-in development sign-in (tokens from <see cref="TestTokens"/> or from the gateway's
/// <c>/auth/dev/token</c>) and the production rate limits of the gateway.
/// </summary>
public class DistributedSystem : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly List<ServiceProcess> _processes = [];

    public string? SkipReason { get; private set; }

    public HttpClient Gateway { get; private set; } = null!;

    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>Runs before any process starts (e.g. a receiver the processes will send to).</summary>
    protected virtual ValueTask BeforeStartAsync() => ValueTask.CompletedTask;

    /// <summary>Adds to or changes the environment of one process ("Intake", …, "Gateway") before it starts.</summary>
    protected virtual void Configure(string process, Dictionary<string, string> environment)
    {
    }

    public async ValueTask InitializeAsync()
    {
        SkipReason = await TestInfrastructure.RabbitMqMissingReasonAsync();
        if (SkipReason is not null)
        {
            return;
        }

        await BeforeStartAsync();

        var rabbit = await TestInfrastructure.FreshRabbitMqVirtualHostAsync("e2e");
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = rabbit,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__OutboxSweepInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Information",
        };
        var services = new (string Name, string Project, string Store)[]
        {
            ("Intake", "services/Intake/Referrals.Intake", "IntakeStore"),
            ("Eligibility", "services/Eligibility/Referrals.Eligibility", "EligibilityStore"),
            ("ProviderDirectory", "services/ProviderDirectory/Referrals.ProviderDirectory", "ProviderDirectoryStore"),
            ("Notification", "services/Notification/Referrals.Notification", "NotificationStore"),
        };

        var gatewayEnvironment = new Dictionary<string, string>();
        foreach (var (name, project, store) in services)
        {
            var environment = new Dictionary<string, string>(common)
            {
                [$"ConnectionStrings__{store}"] = _data.SqliteConnectionString(name.ToLowerInvariant()),
                ["ProviderDirectory__SeedDemoDirectory"] = "false",
            };
            Configure(name, environment);
            var process = new ServiceProcess(name, RepositoryLayout.Assembly(project, "Referrals." + name), environment);
            _processes.Add(process);
            gatewayEnvironment[$"ReverseProxy__Clusters__{name.ToLowerInvariant()}__Destinations__primary__Address"] =
                process.BaseAddress.ToString();
        }

        gatewayEnvironment["Logging__LogLevel__Default"] = "Information";
        Configure("Gateway", gatewayEnvironment);
        _processes.Add(new ServiceProcess("Gateway", RepositoryLayout.Assembly("gateway/Referrals.Gateway", "Referrals.Gateway"), gatewayEnvironment));
        foreach (var process in _processes)
        {
            process.Start();
        }

        await Task.WhenAll(_processes.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));
        Gateway = new HttpClient { BaseAddress = _processes[^1].BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public void SkipWhenUnavailable() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");

    public string AllOutput() => string.Join('\n', _processes.SelectMany(p => p.Output.Select(line => $"[{p.Name}] {line}")));

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Gateway?.Dispose();
        _data.Dispose();
        GC.SuppressFinalize(this);
    }
}
