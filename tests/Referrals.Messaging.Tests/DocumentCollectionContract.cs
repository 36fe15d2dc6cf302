using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

using Referrals.Testing;
using Xunit;

namespace Referrals.Messaging.Tests;

/// <summary>What every document collection adapter must do; run against SQLite and MongoDB alike.</summary>
public abstract class DocumentCollectionContract
{
    protected abstract Task<IDocumentCollection<CounterDocument>> CreateAsync();

    private static CounterDocument New(string? key = null) => new() { Id = Guid.NewGuid().ToString(), Key = key };

    [Fact]
    public async Task Inserted_document_round_trips_with_every_value_shape()
    {
        var documents = await CreateAsync();
        var document = New("k-" + Guid.NewGuid());
        document.Count = 7;
        document.Mood = Mood.Busy;
        document.ChangedAt = new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero);
        document.Entries.Add(new Entry("Rēzekne", new DateOnly(2020, 2, 29), Mood.Calm));

        Assert.True(await documents.TryInsertAsync(document, TestContext.Current.CancellationToken));
        var found = await documents.FindAsync(document.Id, TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal(1, found.Version);
        Assert.Equal(7, found.Count);
        Assert.Equal(Mood.Busy, found.Mood);
        Assert.Equal(document.ChangedAt, found.ChangedAt);
        Assert.Equal(document.Entries, found.Entries);
    }

    [Fact]
    public async Task Inserting_an_existing_id_fails_and_keeps_the_first()
    {
        var documents = await CreateAsync();
        var first = New();
        first.Count = 1;
        var second = new CounterDocument { Id = first.Id, Count = 2 };

        Assert.True(await documents.TryInsertAsync(first, TestContext.Current.CancellationToken));
        Assert.False(await documents.TryInsertAsync(second, TestContext.Current.CancellationToken));

        Assert.Equal(1, (await documents.FindAsync(first.Id, TestContext.Current.CancellationToken))!.Count);
    }

    [Fact]
    public async Task A_stale_write_never_wins()
    {
        var documents = await CreateAsync();
        var document = New();
        await documents.TryInsertAsync(document, TestContext.Current.CancellationToken);
        var mine = (await documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!;
        var theirs = (await documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!;

        theirs.Count = 10;
        Assert.True(await documents.TryReplaceAsync(theirs, TestContext.Current.CancellationToken));
        mine.Count = 99;
        Assert.False(await documents.TryReplaceAsync(mine, TestContext.Current.CancellationToken));

        var stored = (await documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(10, stored.Count);
        Assert.Equal(2, stored.Version);
        Assert.Equal(1, mine.Version);
    }

    [Fact]
    public async Task Concurrent_updates_are_all_applied_exactly_once()
    {
        var documents = await CreateAsync();
        var document = New();
        await documents.TryInsertAsync(document, TestContext.Current.CancellationToken);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            documents.UpdateAsync(document.Id, d => { d.Count++; return true; }, cancellationToken: TestContext.Current.CancellationToken))));

        Assert.Equal(20, (await documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!.Count);
    }

    [Fact]
    public async Task A_redelivered_message_changes_nothing_the_second_time()
    {
        var documents = await CreateAsync();
        var document = New();
        await documents.TryInsertAsync(document, TestContext.Current.CancellationToken);
        var messageId = Guid.NewGuid();

        await documents.UpdateAsync(document.Id, d => { d.Count++; return true; }, messageId, TestContext.Current.CancellationToken);
        await documents.UpdateAsync(document.Id, d => { d.Count++; return true; }, messageId, TestContext.Current.CancellationToken);

        var stored = (await documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal(1, stored.Count);
        Assert.Contains(messageId, stored.ProcessedMessageIds);
    }

    [Fact]
    public async Task Pending_events_are_found_and_removed_once_published()
    {
        var documents = await CreateAsync();
        var document = New();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        document.Raise(new CounterIncremented(first, Guid.NewGuid(), 1), first, DateTimeOffset.UtcNow);
        document.Raise(new CounterIncremented(second, Guid.NewGuid(), 2), second, DateTimeOffset.UtcNow);
        await documents.TryInsertAsync(document, TestContext.Current.CancellationToken);

        var pending = await documents.FindPendingAsync(1000, TestContext.Current.CancellationToken);
        var mine = Assert.Single(pending, p => p.DocumentId == document.Id);
        Assert.Equal([first, second], mine.Events.Select(e => e.MessageId));

        await documents.RemovePublishedAsync(document.Id, [first], TestContext.Current.CancellationToken);
        var stored = (await documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!;
        Assert.Equal([second], stored.Outbox.Select(e => e.MessageId));

        await documents.RemovePublishedAsync(document.Id, [second], TestContext.Current.CancellationToken);
        Assert.DoesNotContain(await documents.FindPendingAsync(1000, TestContext.Current.CancellationToken), p => p.DocumentId == document.Id);
    }

    [Fact]
    public async Task Removing_published_events_makes_an_older_copy_stale_so_it_cannot_write_them_back()
    {
        var documents = await CreateAsync();
        var document = New();
        var id = Guid.NewGuid();
        document.Raise(new CounterIncremented(id, Guid.NewGuid(), 1), id, DateTimeOffset.UtcNow);
        await documents.TryInsertAsync(document, TestContext.Current.CancellationToken);
        var older = (await documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!;

        await documents.RemovePublishedAsync(document.Id, [id], TestContext.Current.CancellationToken);
        older.Count = 5;

        Assert.False(await documents.TryReplaceAsync(older, TestContext.Current.CancellationToken));
        Assert.Empty((await documents.FindAsync(document.Id, TestContext.Current.CancellationToken))!.Outbox);
    }
}

public sealed class SqliteDocumentCollectionTests : DocumentCollectionContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IDocumentCollection<CounterDocument>> CreateAsync() =>
        Task.FromResult<IDocumentCollection<CounterDocument>>(Create(_directory));

    internal static SqliteDocumentCollection<CounterDocument> Create(TempDirectory directory) =>
        new(new SqliteDatabase(directory.SqliteConnectionString("counters")), "counters",
            new SqliteColumn<CounterDocument>("key", d => d.Key, Unique: true),
            new SqliteColumn<CounterDocument>("count", d => d.Count));

    [Fact]
    public async Task A_unique_column_refuses_a_second_document_with_the_same_value()
    {
        var documents = Create(_directory);
        Assert.True(await documents.TryInsertAsync(new CounterDocument { Id = "a", Key = "same" }, TestContext.Current.CancellationToken));
        Assert.False(await documents.TryInsertAsync(new CounterDocument { Id = "b", Key = "same" }, TestContext.Current.CancellationToken));
        Assert.Null(await documents.FindAsync("b", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Indexed_columns_can_be_queried()
    {
        var documents = Create(_directory);
        foreach (var count in new[] { 3, 1, 2 })
        {
            await documents.TryInsertAsync(new CounterDocument { Id = $"d{count}", Count = count }, TestContext.Current.CancellationToken);
        }

        var found = await documents.QueryAsync("count >= $min", [("$min", 2)], orderBy: "count", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["d2", "d3"], found.Select(d => d.Id));
        Assert.Equal(2, await documents.CountAsync("count >= $min", [("$min", 2)], TestContext.Current.CancellationToken));
    }

    public void Dispose() => _directory.Dispose();
}

public sealed class MongoDocumentCollectionTests : DocumentCollectionContract
{
    private static readonly MongoClients Clients = new();

    protected override async Task<IDocumentCollection<CounterDocument>> CreateAsync()
    {
        var connectionString = await TestInfrastructure.FreshMongoDatabaseAsync("messaging");
        return new MongoDocumentCollection<CounterDocument>(Clients.Database(connectionString), "counters");
    }
}
