using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Referrals.Messaging.Documents;

/// <summary>One SQLite file in WAL mode, shared by the collections of one service.</summary>
public sealed class SqliteDatabase
{
    // One writer per file, not per instance: several stores of a service open the same file.
    private static readonly ConcurrentDictionary<string, SqliteGroupCommit> Writers = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly SqliteGroupCommit _writer;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
        _writer = Writers.GetOrAdd(Path.GetFullPath(builder.DataSource), _ => new SqliteGroupCommit(OpenAsync));
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // FULL keeps a committed write through a power cut, not only through a process crash. secure_delete zeroes
        // what a write replaces, so erased personal data does not linger in free pages of the file.
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;");
        return connection;
    }

    /// <summary>
    /// Runs one writing statement, which <paramref name="prepare"/> sets up on the command it is given, and answers its
    /// changed row count once it is committed (see <see cref="SqliteGroupCommit"/>). A constraint failure throws the
    /// <see cref="SqliteException"/> here and changes nothing.
    /// </summary>
    public Task<int> WriteAsync(Action<SqliteCommand> prepare, CancellationToken cancellationToken) =>
        _writer.WriteAsync(prepare, cancellationToken);

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
