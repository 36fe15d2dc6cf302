using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Referrals.Messaging.Outbox;

namespace Referrals.Messaging.Documents;

/// <summary>
/// Documents as JSON rows: <c>id</c>, <c>version</c>, a <c>pending</c> flag for the relay, the body, and the indexed
/// columns the service asks for. Every write is a single statement guarded by the version it read.
/// </summary>
public sealed class SqliteDocumentCollection<T> : IDocumentCollection<T>
    where T : OutboxDocument
{
    private readonly SqliteDatabase _database;
    private readonly string _table;
    private readonly IReadOnlyList<SqliteColumn<T>> _columns;

    public SqliteDocumentCollection(SqliteDatabase database, string table, params SqliteColumn<T>[] columns)
    {
        if (!IsIdentifier(table) || columns.Any(c => !IsIdentifier(c.Name)))
        {
            throw new ArgumentException("Table and column names must be plain identifiers.", nameof(table));
        }

        _database = database;
        _table = table;
        _columns = columns;
        EnsureSchema();
    }

    public string Name => _table;

    public string Table => _table;

    public async Task<T?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync("id = $id", [("$id", id)], cancellationToken: cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> TryInsertAsync(T document, CancellationToken cancellationToken = default)
    {
        document.Version = 1;
        var names = string.Join("", _columns.Select(c => ", " + c.Name));
        var values = string.Join("", _columns.Select(c => ", $" + c.Name));
        var sql = $"INSERT INTO {_table} (id, version, pending, body{names}) VALUES ($id, 1, $pending, $body{values})";
        var parameters = Parameters(document);
        try
        {
            await _database.WriteAsync(command => Prepare(command, sql, parameters), cancellationToken);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: the id or a unique column is taken.
            document.Version = 0;
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(T document, CancellationToken cancellationToken = default)
    {
        var expected = document.Version;
        document.Version = expected + 1;
        var sets = string.Join("", _columns.Select(c => $", {c.Name} = ${c.Name}"));
        var sql = $"UPDATE {_table} SET version = version + 1, pending = $pending, body = $body{sets} WHERE id = $id AND version = $expected";
        var parameters = Parameters(document);
        parameters.Add(("$expected", expected));
        var written = false;
        try
        {
            written = await _database.WriteAsync(command => Prepare(command, sql, parameters), cancellationToken) == 1;
        }
        finally
        {
            if (!written)
            {
                document.Version = expected;
            }
        }

        return written;
    }

    /// <summary>Documents matching a SQL condition over <c>id</c>, <c>version</c> and the indexed columns.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync(
        string? where,
        IEnumerable<(string Name, object? Value)>? parameters = null,
        string? orderBy = null,
        int? limit = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT body, version FROM {_table}"
            + (where is null ? "" : $" WHERE {where}")
            + (orderBy is null ? "" : $" ORDER BY {orderBy}")
            + (limit is null ? "" : $" LIMIT {limit.Value.ToString(CultureInfo.InvariantCulture)}");
        foreach (var (name, value) in parameters ?? [])
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var results = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var document = JsonSerializer.Deserialize<T>(reader.GetString(0), MessageJson.Options)!;
            document.Version = reader.GetInt64(1);
            results.Add(document);
        }

        return results;
    }

    /// <summary>Counts documents matching a SQL condition over the indexed columns.</summary>
    public async Task<long> CountAsync(
        string? where,
        IEnumerable<(string Name, object? Value)>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {_table}" + (where is null ? "" : $" WHERE {where}");
        foreach (var (name, value) in parameters ?? [])
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<PendingEvents>> FindPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        var documents = await QueryAsync("pending = 1", limit: max, cancellationToken: cancellationToken);
        return documents.Select(d => new PendingEvents(d.Id, d.Outbox)).ToList();
    }

    public async Task RemovePublishedAsync(string documentId, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default)
    {
        // Read-modify-write under the version guard; a concurrent writer simply makes us read again.
        while (true)
        {
            var document = await FindAsync(documentId, cancellationToken);
            if (document is null || !document.Outbox.Any(e => messageIds.Contains(e.MessageId)))
            {
                return;
            }

            document.Outbox.RemoveAll(e => messageIds.Contains(e.MessageId));
            if (await TryReplaceAsync(document, cancellationToken))
            {
                return;
            }
        }
    }

    // Serialised by the caller, so the file's single writer spends its time writing.
    private List<(string Name, object Value)> Parameters(T document)
    {
        var parameters = new List<(string Name, object Value)>(_columns.Count + 4)
        {
            ("$id", document.Id),
            ("$pending", document.Outbox.Count > 0 ? 1 : 0),
            ("$body", JsonSerializer.Serialize(document, MessageJson.Options)),
        };
        parameters.AddRange(_columns.Select(c => ("$" + c.Name, ToDbValue(c.Value(document)))));
        return parameters;
    }

    private static void Prepare(SqliteCommand command, string sql, List<(string Name, object Value)> parameters)
    {
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private static object ToDbValue(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        bool b => b ? 1 : 0,
        _ => value,
    };

    private void EnsureSchema()
    {
        using var connection = _database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        var columns = string.Join("", _columns.Select(c => $", {c.Name}"));
        SqliteDatabase.Execute(connection,
            $"CREATE TABLE IF NOT EXISTS {_table} (id TEXT PRIMARY KEY, version INTEGER NOT NULL, pending INTEGER NOT NULL, body TEXT NOT NULL{columns});");
        SqliteDatabase.Execute(connection,
            $"CREATE INDEX IF NOT EXISTS ix_{_table}_pending ON {_table}(pending) WHERE pending = 1;");
        foreach (var column in _columns)
        {
            var unique = column.Unique ? "UNIQUE " : "";
            SqliteDatabase.Execute(connection,
                $"CREATE {unique}INDEX IF NOT EXISTS ix_{_table}_{column.Name} ON {_table}({column.Name});");
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]);
}
