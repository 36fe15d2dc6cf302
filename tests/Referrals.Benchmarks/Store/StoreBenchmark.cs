using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Referrals.Benchmarks.Harness;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.Benchmarks.Store;

/// <summary>
/// The embedded store's write path: read-modify-write of a document under its version guard, the way every consumer
/// saves, through the shared <see cref="SqliteDocumentCollection{T}"/> (one writer per file, group commit) versus
/// Microsoft.Data.Sqlite used directly (a pooled connection per write, each statement its own transaction, SQLite's
/// own locking), with the same pragmas, document size and writers. Many writers at once is what a busy service does.
/// </summary>
public sealed class StoreBenchmark : IBenchmark
{
    private static readonly int[] WriterCounts = [1, 16, 64];

    public string Name => "store";

    public string Title => "Store: SQLite document writes, group commit versus one commit per write";

    public bool NeedsBroker => false;

    public async Task RunAsync(BenchOptions options, Report report, CancellationToken cancellationToken)
    {
        var updates = options.Quick ? 3_200 : 19_200;
        report.Paragraph(
            $"Settings: {updates:N0} updates per cell of a 3 KB JSON document chosen among 64 (read, change, write if the version is unchanged, read again on a lost race), " +
            "WAL, synchronous=FULL, secure_delete, a fresh file per cell in the temp folder; the writers loop as fast as their writes return. " +
            $"{(options.Quick ? 1 : options.Bounds.Rounds)} round(s) alternating order, median reported. " +
            "*Shared collection* = `SqliteDocumentCollection` + `DocumentUpdates.UpdateAsync` as the services use them; *raw* = the same statements on Microsoft.Data.Sqlite with a pooled connection per write and SQLite's own locking (its busy handler sleeps the thread 150 ms per try).");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var writers in WriterCounts)
        {
            var shared = new List<Result>();
            var raw = new List<Result>();
            for (var round = 0; round < (options.Quick ? 1 : options.Bounds.Rounds); round++)
            {
                Report.Progress($"store: {writers} writer(s), round {round + 1}");
                if (round % 2 == 0)
                {
                    shared.Add(await RunSharedAsync(writers, updates, cancellationToken));
                    raw.Add(await RunRawAsync(writers, updates, cancellationToken));
                }
                else
                {
                    raw.Add(await RunRawAsync(writers, updates, cancellationToken));
                    shared.Add(await RunSharedAsync(writers, updates, cancellationToken));
                }
            }

            var s = Median(shared);
            var r = Median(raw);
            rows.Add([writers.ToString(System.Globalization.CultureInfo.InvariantCulture), "shared collection", Report.Number(s.PerSecond), Report.Milliseconds(s.Latency.P50Ms), Report.Milliseconds(s.Latency.P99Ms), Report.Milliseconds(s.Latency.MaxMs)]);
            rows.Add(["", "raw", Report.Number(r.PerSecond), Report.Milliseconds(r.Latency.P50Ms), Report.Milliseconds(r.Latency.P99Ms), Report.Milliseconds(r.Latency.MaxMs)]);
        }

        report.Table(["Writers", "Implementation", "Updates/s", "p50", "p99", "max"], rows);
    }

    private static Result Median(List<Result> results) => results.OrderBy(r => r.PerSecond).ElementAt(results.Count / 2);

    private static async Task<Result> RunSharedAsync(int writers, int updates, CancellationToken cancellationToken)
    {
        using var folder = new Folder();
        var documents = new SqliteDocumentCollection<BenchDocument>(new SqliteDatabase($"Data Source={folder.File}"), "documents",
            new SqliteColumn<BenchDocument>("counter", d => d.Counter));
        for (var i = 0; i < 64; i++)
        {
            await documents.TryInsertAsync(new BenchDocument { Id = Key(i), Body = new string('x', 3_000) }, cancellationToken);
        }

        return await MeasureAsync(writers, updates, i =>
            documents.UpdateAsync(Key(i), d => { d.Counter++; return true; }, cancellationToken: cancellationToken), cancellationToken);
    }

    private static async Task<Result> RunRawAsync(int writers, int updates, CancellationToken cancellationToken)
    {
        using var folder = new Folder();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = folder.File, Pooling = true, DefaultTimeout = 30 }.ToString();
        await using (var setup = await OpenAsync(connectionString, cancellationToken))
        {
            await ExecuteAsync(setup, "PRAGMA journal_mode=WAL; CREATE TABLE documents (id TEXT PRIMARY KEY, version INTEGER NOT NULL, counter INTEGER NOT NULL, body TEXT NOT NULL);", cancellationToken);
            for (var i = 0; i < 64; i++)
            {
                await ExecuteAsync(setup, $"INSERT INTO documents VALUES ('{Key(i)}', 1, 0, '{new string('x', 3_000)}')", cancellationToken);
            }
        }

        return await MeasureAsync(writers, updates, async i =>
        {
            while (true)
            {
                await using var connection = await OpenAsync(connectionString, cancellationToken);
                long version;
                string body;
                await using (var read = connection.CreateCommand())
                {
                    read.CommandText = "SELECT version, body FROM documents WHERE id = $id";
                    read.Parameters.AddWithValue("$id", Key(i));
                    await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                    await reader.ReadAsync(cancellationToken);
                    version = reader.GetInt64(0);
                    body = reader.GetString(1);
                }

                await using var write = connection.CreateCommand();
                write.CommandText = "UPDATE documents SET version = version + 1, counter = counter + 1, body = $body WHERE id = $id AND version = $version";
                write.Parameters.AddWithValue("$id", Key(i));
                write.Parameters.AddWithValue("$version", version);
                write.Parameters.AddWithValue("$body", body);
                if (await write.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    return;
                }
            }
        }, cancellationToken);
    }

    private static async Task<Result> MeasureAsync(int writers, int updates, Func<int, Task> update, CancellationToken cancellationToken)
    {
        var latencies = new long[updates / writers * writers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < updates / writers; n++)
            {
                var started = Stopwatch.GetTimestamp();
                await update((w + n) % 64);
                latencies[w * (updates / writers) + n] = Stopwatch.GetTimestamp() - started;
            }
        }, cancellationToken)));
        return new Result(latencies.Length / clock.Elapsed.TotalSeconds, Percentiles.FromTimestampTicks(latencies));
    }

    private static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Key(int i) => "document-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Result(double PerSecond, Percentiles Latency);

    private sealed class Folder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("referrals-store-bench-").FullName;

        public string File => Path.Combine(_path, "store.db");

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_path, recursive: true);
        }
    }
}

public sealed class BenchDocument : OutboxDocument
{
    public int Counter { get; set; }

    public string Body { get; set; } = "";
}
