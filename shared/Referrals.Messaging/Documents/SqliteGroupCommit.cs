using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Referrals.Messaging.Documents;

/// <summary>
/// The one writer of a SQLite file. Writes queue here and are committed in groups: every write waiting when the writer
/// comes round goes into one transaction, so one fsync (synchronous=FULL) makes a whole group durable instead of one
/// write each. A caller hears back only after the commit, so an acknowledged write is on disk, as before.
/// </summary>
/// <remarks>
/// Why not let SQLite's lock sort writers out: it lets one in at a time and Microsoft.Data.Sqlite answers a busy file by
/// blocking the thread in <c>Thread.Sleep(150)</c> and trying again, which under load stalled requests for seconds and
/// starved the thread pool; and each commit paid its own fsync. A failed statement (a constraint, so "taken") is rolled
/// back on its own by SQLite and reported to its caller only; any other failure fails the whole group, which is rolled
/// back, and every caller in it sees the error, exactly as if its own single write had failed.
/// </remarks>
internal sealed class SqliteGroupCommit
{
    private const int MaxGroup = 256;
    private const int SqliteConstraint = 19;

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });

    public SqliteGroupCommit(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        _open = open;
        _ = Task.Run(WriteLoopAsync);
    }

    /// <summary>Runs one writing statement, prepared by <paramref name="prepare"/>, in the next group; its changed row count.</summary>
    public Task<int> WriteAsync(Action<SqliteCommand> prepare, CancellationToken cancellationToken)
    {
        var write = new Write(prepare, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The SQLite writer has stopped.");
        }

        return write.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Write>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Done.TrySetCanceled(write.CancellationToken);
                }
                else
                {
                    group.Add(write);
                }
            }

            if (group.Count > 0)
            {
                await CommitAsync(group);
            }
        }
    }

    private async Task CommitAsync(List<Write> group)
    {
        var outcomes = new (int Rows, Exception? Error)[group.Count];
        try
        {
            await using var connection = await _open(CancellationToken.None);
            await using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < group.Count; i++)
            {
                outcomes[i] = Execute(connection, transaction, group[i]);
            }

            transaction.Commit();
        }
        catch (Exception e)
        {
            foreach (var write in group)
            {
                write.Done.TrySetException(e);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                group[i].Done.TrySetException(error);
            }
            else
            {
                group[i].Done.TrySetResult(outcomes[i].Rows);
            }
        }
    }

    private static (int Rows, Exception? Error) Execute(SqliteConnection connection, SqliteTransaction transaction, Write write)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        try
        {
            write.Prepare(command);
        }
        catch (Exception e)
        {
            // Nothing ran: only this caller is concerned.
            return (0, e);
        }

        try
        {
            return (command.ExecuteNonQuery(), null);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            // SQLite undid this statement alone; the group goes on.
            return (0, e);
        }
    }

    private sealed record Write(Action<SqliteCommand> Prepare, TaskCompletionSource<int> Done, CancellationToken CancellationToken);
}
