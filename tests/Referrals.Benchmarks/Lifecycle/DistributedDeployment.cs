using Referrals.Benchmarks.Harness;

namespace Referrals.Benchmarks.Lifecycle;

/// <summary>
/// The distributed mode for real, as the end-to-end tests start it: the four services and the gateway as separate
/// processes (Release builds), each service with its own SQLite file in a temp folder, over a fresh RabbitMQ virtual
/// host, the demo directory off, quiet hours off (otherwise SMS would wait for the morning).
/// </summary>
internal sealed class DistributedDeployment : IDisposable
{
    public static readonly (string Name, string Project, string Store)[] Services =
    [
        ("Intake", "services/Intake/Referrals.Intake", "IntakeStore"),
        ("Eligibility", "services/Eligibility/Referrals.Eligibility", "EligibilityStore"),
        ("ProviderDirectory", "services/ProviderDirectory/Referrals.ProviderDirectory", "ProviderDirectoryStore"),
        ("Notification", "services/Notification/Referrals.Notification", "NotificationStore"),
    ];

    private readonly List<ChildProcess> _processes = [];
    private readonly string _data;

    private DistributedDeployment(string data) => _data = data;

    public IReadOnlyList<ChildProcess> Processes => _processes;

    public ChildProcess Gateway => _processes[^1];

    public static string ReleaseDll(string project, string name) =>
        Path.Combine(BenchOptions.RepositoryRoot(), project, "bin", "Release", "net10.0", name + ".dll");

    /// <summary>Settings every host of the benchmark gets, distributed or embedded (with the identity and limits of <see cref="BenchIdentity"/>).</summary>
    public static Dictionary<string, string> CommonSettings()
    {
        var settings = BenchIdentity.Settings();
        settings["ProviderDirectory__SeedDemoDirectory"] = "false";
        settings["Notification__QuietHoursStart"] = "00:00";
        settings["Notification__QuietHoursEnd"] = "00:00";
        return settings;
    }

    public static async Task<DistributedDeployment> StartAsync(Uri rabbitMq, string gatewayDll, CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), "referrals-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var deployment = new DistributedDeployment(data);
        try
        {
            var gatewayEnvironment = BenchIdentity.Settings();
            foreach (var (name, project, store) in Services)
            {
                var environment = CommonSettings();
                environment["ConnectionStrings__RabbitMq"] = rabbitMq.ToString();
                environment["Messaging__Transport"] = "RabbitMq";
                environment[$"ConnectionStrings__{store}"] = $"Data Source={Path.Combine(data, name.ToLowerInvariant() + ".db")}";
                var process = ChildProcess.Start(name, ReleaseDll(project, "Referrals." + name), environment);
                deployment._processes.Add(process);
                gatewayEnvironment[$"ReverseProxy__Clusters__{name.ToLowerInvariant()}__Destinations__primary__Address"] = process.Address.ToString();
            }

            deployment._processes.Add(ChildProcess.Start("Gateway", gatewayDll, gatewayEnvironment));
            await Task.WhenAll(deployment._processes.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), cancellationToken)));
            return deployment;
        }
        catch
        {
            deployment.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp
        }
    }
}
