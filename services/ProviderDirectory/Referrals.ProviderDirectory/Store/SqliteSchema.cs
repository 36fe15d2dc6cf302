using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.ProviderDirectory.Store;

/// <summary>
/// Brings a directory file written by an older version up to date: the shared collection creates a table only when it
/// is missing, so columns added since then are added here and filled by re-saving every document.
/// </summary>
internal static class SqliteSchema
{
    /// <returns>True when the table existed and at least one column had to be added.</returns>
    public static bool AddMissingColumns(SqliteDatabase database, string table, IEnumerable<string> columns)
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        if (existing.Count == 0)
        {
            return false;
        }

        var added = false;
        foreach (var column in columns.Where(c => !existing.Contains(c)))
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column}";
            alter.ExecuteNonQuery();
            added = true;
        }

        return added;
    }

    public static void Execute(SqliteDatabase database, string sql)
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static void RewriteAll<T>(SqliteDocumentCollection<T> collection)
        where T : OutboxDocument
    {
        foreach (var document in collection.QueryAsync(null).GetAwaiter().GetResult())
        {
            collection.UpdateAsync(document.Id, _ => true).GetAwaiter().GetResult();
        }
    }
}
