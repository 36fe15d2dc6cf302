using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Referrals.Testing;

/// <summary>
/// Every row of every table of a SQLite store, read-only and in a stable order: two equal snapshots mean nothing was
/// written. What an API shows can hide a change (a field no view returns); the store cannot.
/// </summary>
public static class StoreSnapshot
{
    public static async Task<string> TakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new StringBuilder();
        foreach (var table in tables)
        {
            snapshot.Append("## ").AppendLine(table);
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY 1";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    snapshot.Append(reader.GetName(i)).Append('=')
                        .Append(reader.GetValue(i) is byte[] blob
                            ? Convert.ToHexString(blob)
                            : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append(" | ");
                }

                snapshot.AppendLine();
            }
        }

        return snapshot.ToString();
    }
}
