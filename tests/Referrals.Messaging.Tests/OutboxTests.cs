using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

using Referrals.Testing;
using Xunit;

namespace Referrals.Messaging.Tests;

/// <summary>The no-loss mechanism: events committed with the state are published after commit, or by the sweeper after a crash.</summary>
public sealed class OutboxTests : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _provider;
    private readonly SqliteDocumentCollection<CounterDocument> _documents;

    public OutboxTests()
    {
        _documents = SqliteDocumentCollectionTests.Create(_directory);
        _provider = new ServiceCollection()
            .AddMassTransitTestHarness()
            .BuildServiceProvider(true);
    }

    private ITestHarness Harness => _provider.GetRequiredService<ITestHarness>();

    private OutboxSweeper Sweeper() => new(
        [_documents], Harness.Bus, new OutboxPublisher(NullLogger<OutboxPublisher>.Instance), _time,
        Options.Create(new MessagingOptions()), NullLogger<OutboxSweeper>.Instance);

    private async Task<(CounterDocument Document, Guid EventId)> SaveWithPendingEventAsync()
    {
        var document = new CounterDocument { Id = Guid.NewGuid().ToString(), Count = 1 };
        var eventId = Guid.NewGuid();
        document.Raise(new CounterIncremented(eventId, Guid.NewGuid(), 1), eventId, _time.GetUtcNow());
        await _documents.TryInsertAsync(document, TestContext.Current.CancellationToken);
        return (document, eventId);
    }

    [Fact]
    public async Task Published_events_carry_their_event_id_as_message_id_and_leave_the_document()
    {
        await Harness.Start();
        var (document, eventId) = await SaveWithPendingEventAsync();

        await new OutboxPublisher(NullLogger<OutboxPublisher>.Instance)
            .PublishAsync(_documents, document, Harness.Bus, TestContext.Current.CancellationToken);

        var published = Harness.Published.Select<CounterIncremented>(TestContext.Current.CancellationToken).Single();
        Assert.Equal(eventId, published.Context.MessageId);
        Assert.Equal(eventId, published.Context.Message.EventId);
        Assert.Empty((await _documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!.Outbox);
    }

    [Fact]
    public async Task A_failed_publish_keeps_the_events_for_the_sweeper()
    {
        await Harness.Start();
        var (document, _) = await SaveWithPendingEventAsync();

        await new OutboxPublisher(NullLogger<OutboxPublisher>.Instance)
            .PublishAsync(_documents, document, new BrokenPublishEndpoint(), TestContext.Current.CancellationToken);

        Assert.Single((await _documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!.Outbox);
    }

    [Fact]
    public async Task After_a_crash_between_commit_and_publish_the_sweeper_publishes_each_event_exactly_once()
    {
        await Harness.Start();
        // The "crash": the document is committed with its event, and nothing publishes it.
        var (_, eventId) = await SaveWithPendingEventAsync();
        var sweeper = Sweeper();

        Assert.Equal(0, await sweeper.SweepAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await sweeper.SweepAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.Equal(0, await sweeper.SweepAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));

        var published = Harness.Published.Select<CounterIncremented>(TestContext.Current.CancellationToken).ToList();
        Assert.Equal(eventId, Assert.Single(published).Context.MessageId);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _directory.Dispose();
    }

    private sealed class BrokenPublishEndpoint : IPublishEndpoint
    {
        public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => throw new NotSupportedException();

        public Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class => Fail();

        public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class => Fail();

        public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class => Fail();

        public Task Publish(object message, CancellationToken cancellationToken = default) => Fail();

        public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) => Fail();

        public Task Publish(object message, Type messageType, CancellationToken cancellationToken = default) => Fail();

        public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) => Fail();

        public Task Publish<T>(object values, CancellationToken cancellationToken = default) where T : class => Fail();

        public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class => Fail();

        public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class => Fail();

        private static Task Fail() => Task.FromException(new InvalidOperationException("broker unreachable"));
    }
}
