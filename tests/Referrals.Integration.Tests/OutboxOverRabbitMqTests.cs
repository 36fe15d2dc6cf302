using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Intake;
using Referrals.Messaging;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Testing;
using Xunit;

namespace Referrals.Integration.Tests;

public sealed class CrashedDocument : OutboxDocument;

/// <summary>A crash between commit and publish, over a real broker: the sweeper publishes the stranded event once.</summary>
public sealed class OutboxOverRabbitMqTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task An_event_stranded_by_a_crash_is_published_exactly_once_with_its_own_id()
    {
        var rabbit = await TestInfrastructure.FreshRabbitMqVirtualHostAsync("integration");
        var documents = new SqliteDocumentCollection<CrashedDocument>(new SqliteDatabase(_data.SqliteConnectionString("crashed")), "crashed");
        var stranded = new ReferralWithdrawn(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(-1), "sw-test", "test");
        var document = new CrashedDocument { Id = "doc-1" };
        document.Raise(stranded, stranded.EventId, stranded.OccurredAt);
        Assert.True(await documents.TryInsertAsync(document, TestContext.Current.CancellationToken));
        await using var observer = await BrokerObserver.StartAsync<ReferralWithdrawn>(rabbit);

        // The process that "restarts": nothing but the bus, the sweeper and the store that holds the stranded event.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = rabbit,
            ["Messaging:OutboxSweepInterval"] = "00:00:00.200",
            ["Messaging:OutboxSweepAge"] = "00:00:00",
        });
        builder.Services.AddSingleton<IOutboxSource>(documents);
        builder.AddMessaging();
        await using var app = builder.Build();
        await app.StartAsync(TestContext.Current.CancellationToken);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!observer.Of<ReferralWithdrawn>().Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await app.StopAsync(TestContext.Current.CancellationToken);

        var received = Assert.Single(observer.Of<ReferralWithdrawn>());
        Assert.Equal(stranded.EventId, received.MessageId);
        Assert.Equal(stranded.ReferralId, received.CorrelationId);
        Assert.Empty((await documents.FindAsync("doc-1", TestContext.Current.CancellationToken))!.Outbox);
    }

    public void Dispose() => _data.Dispose();
}
