using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Outbox;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.Requests;
using Referrals.ProviderDirectory.Store;
using Referrals.Testing;

namespace Referrals.ProviderDirectory.Tests.Consumers;

/// <summary>The directory's consumers on the MassTransit test harness, over a SQLite store in a temp folder.</summary>
public sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _provider;

    private ConsumerHarness()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:ProviderDirectoryStore"] = _temp.SqliteConnectionString("directory"),
                ["ProviderDirectory:SeedDemoDirectory"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddProviderDirectoryCore();
        services.AddSingleton<OutboxPublisher>();
        services.AddMassTransitTestHarness(bus =>
        {
            bus.SetEndpointNameFormatter(new ServiceEndpointNameFormatter());
            bus.AddConsumers(typeof(ProviderDirectoryModule).Assembly);
        });
        _provider = services.BuildServiceProvider(validateScopes: true);
    }

    public ITestHarness Harness => _provider.GetRequiredService<ITestHarness>();

    public IDirectoryStore Store => _provider.GetRequiredService<IDirectoryStore>();

    public static async Task<ConsumerHarness> StartAsync()
    {
        var harness = new ConsumerHarness();
        harness.Harness.TestTimeout = TimeSpan.FromSeconds(30);
        await harness.Harness.Start();
        return harness;
    }

    public async Task AddOrganisationAsync(OrganisationInput organisation) =>
        await _provider.GetRequiredService<OrganisationWriter>().SaveAsync(organisation, null, null, CancellationToken.None);

    /// <summary>Publishes what a document raised, as an endpoint does after its write.</summary>
    public Task PublishPendingAsync(ProviderServices.ServiceDocument service) =>
        _provider.GetRequiredService<OutboxPublisher>().PublishAsync(
            (IOutboxSource)Store.Services, service, Harness.Bus, Xunit.TestContext.Current.CancellationToken);

    public Task PublishAsync<T>(T message, Guid messageId)
        where T : class =>
        Harness.Bus.Publish(message, context => context.MessageId = messageId, Xunit.TestContext.Current.CancellationToken);

    public Task<PlacementRequestDocument> RequestAsync(Guid referralId, Func<PlacementRequestDocument, bool> done, string what) =>
        Eventually.GetAsync(() => Store.Requests.FindAsync(PlacementRequestDocument.IdOf(referralId), Xunit.TestContext.Current.CancellationToken), done, what);

    public static ReferralSubmitted Submitted(Guid referralId, string declared = "LV-DGV") => new(
        Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, "sw-1", "R-ABC123", declared, declared, "day-care-centre", "elderly",
        new DateOnly(1950, 5, 1), "female", ["application"], null, null);

    public static EligibilityAssessed Eligible(Guid referralId) =>
        new(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, EligibilityOutcome.Eligible, "2026.1", []);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _temp.Dispose();
    }
}
