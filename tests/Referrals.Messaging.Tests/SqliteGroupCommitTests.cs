using Microsoft.Data.Sqlite;
using Referrals.Messaging.Documents;
using Referrals.Testing;
using Xunit;

namespace Referrals.Messaging.Tests;

/// <summary>
/// The single writer of a SQLite file: writes that queue while a group is being committed go into the next group,
/// one transaction; a taken key fails only its own write, any other failure fails the whole group and keeps none of it.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteDatabase _database;
    private readonly TaskCompletionSource _opening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstGroupMayStart = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _groups;

    public SqliteGroupCommitTests()
    {
        _database = new SqliteDatabase(_directory.SqliteConnectionString("group-commit"));
        using var connection = _database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE items (id TEXT PRIMARY KEY, value INTEGER NOT NULL);";
        command.ExecuteNonQuery();
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_that_queue_meanwhile_commit_together_and_a_taken_key_fails_only_its_own_write()
    {
        var writer = HeldWriter();
        var first = writer.WriteAsync(Insert("first", 0), Cancellation);
        await WhenFirstGroupIsOpeningAsync();
        var queued = Enumerable.Range(1, 50).Select(i => writer.WriteAsync(Insert($"item-{i}", i), Cancellation)).ToList();
        var duplicate = writer.WriteAsync(Insert("item-7", 700), Cancellation);
        _firstGroupMayStart.SetResult();

        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(queued), rows => Assert.Equal(1, rows));
        var taken = await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal(19, taken.SqliteErrorCode);
        Assert.Equal(2, _groups);
        Assert.Equal(51, await CountAsync());
        Assert.Equal(7, await ValueAsync("item-7"));
    }

    [Fact]
    public async Task Any_other_failure_fails_every_write_of_its_group_and_keeps_none_of_them()
    {
        var writer = HeldWriter();
        var first = writer.WriteAsync(Insert("first", 0), Cancellation);
        await WhenFirstGroupIsOpeningAsync();
        var good = writer.WriteAsync(Insert("good", 1), Cancellation);
        var broken = writer.WriteAsync(command => command.CommandText = "INSERT INTO missing_table VALUES (1)", Cancellation);
        var alsoGood = writer.WriteAsync(Insert("also-good", 2), Cancellation);
        _firstGroupMayStart.SetResult();

        Assert.Equal(1, await first);
        await Assert.ThrowsAsync<SqliteException>(() => good);
        await Assert.ThrowsAsync<SqliteException>(() => broken);
        await Assert.ThrowsAsync<SqliteException>(() => alsoGood);
        Assert.Equal(1, await CountAsync());

        // The writer goes on after a failed group.
        Assert.Equal(1, await writer.WriteAsync(Insert("after", 3), Cancellation));
        Assert.Equal(3, await ValueAsync("after"));
    }

    [Fact]
    public async Task An_answered_write_is_committed_and_seen_by_every_other_connection()
    {
        Assert.Equal(1, await _database.WriteAsync(Insert("seen", 42), Cancellation));

        Assert.Equal(42, await ValueAsync("seen"));
    }

    [Fact]
    public async Task A_write_whose_caller_gave_up_before_its_group_is_not_made()
    {
        var writer = HeldWriter();
        var first = writer.WriteAsync(Insert("first", 0), Cancellation);
        await WhenFirstGroupIsOpeningAsync();
        using var giveUp = new CancellationTokenSource();
        var abandoned = writer.WriteAsync(Insert("abandoned", 1), giveUp.Token);
        await giveUp.CancelAsync();
        _firstGroupMayStart.SetResult();

        await first;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Null(await ValueAsync("abandoned"));
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>A writer whose first group waits, before it opens its connection, until the test lets it go.</summary>
    private SqliteGroupCommit HeldWriter() => new(async cancellationToken =>
    {
        if (Interlocked.Increment(ref _groups) == 1)
        {
            _opening.TrySetResult();
            await _firstGroupMayStart.Task;
        }

        return await _database.OpenAsync(cancellationToken);
    });

    private Task WhenFirstGroupIsOpeningAsync() => _opening.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

    private static Action<SqliteCommand> Insert(string id, int value) => command =>
    {
        command.CommandText = "INSERT INTO items (id, value) VALUES ($id, $value)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$value", value);
    };

    private async Task<long> CountAsync()
    {
        await using var connection = await _database.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM items";
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    private async Task<long?> ValueAsync(string id)
    {
        await using var connection = await _database.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM items WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(Cancellation) as long?;
    }
}
