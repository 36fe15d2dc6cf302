using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Referrals.Fuzz.Tests;

/// <summary>
/// Every row of every table of the embedded host's SQLite files, read-only, beside the running host (WAL lets readers
/// in). What the API shows can hide a change (a field no view returns); the stores cannot. The audit trail is left out:
/// it records every attempt, refused ones included, by design.
/// </summary>
public static class StoreSnapshot
{
    public static SortedDictionary<string, List<string>> Take(string folder)
    {
        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.db").Order(StringComparer.Ordinal))
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables.Where(t => !t.Contains("audit", StringComparison.OrdinalIgnoreCase)))
            {
                using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                using var reader = select.ExecuteReader();
                var rows = new List<string>();
                while (reader.Read())
                {
                    rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Render(reader, i))));
                }

                rows.Sort(StringComparer.Ordinal);
                snapshot[$"{Path.GetFileName(file)}/{table}"] = rows;
            }
        }

        return snapshot;
    }

    /// <summary>Takes a snapshot every second until none has changed for <see cref="ObservableState.Quiet"/>.</summary>
    public static async Task<SortedDictionary<string, List<string>>> SettledAsync(string folder, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        var previous = Take(folder);
        var since = DateTime.UtcNow;
        while (true)
        {
            await Task.Delay(1_000, cancellationToken);
            var current = Take(folder);
            var differences = Differences(previous, current);
            if (differences.Count == 0 && DateTime.UtcNow - since >= ObservableState.Quiet)
            {
                return current;
            }

            if (differences.Count > 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The stores never came to rest:\n" + string.Join('\n', differences.Take(5)));
                }

                since = DateTime.UtcNow;
                previous = current;
            }
        }
    }

    public static List<string> Differences(SortedDictionary<string, List<string>> before, SortedDictionary<string, List<string>> after)
    {
        var differences = new List<string>();
        foreach (var table in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var was = before.TryGetValue(table, out var b) ? b : [];
            var now = after.TryGetValue(table, out var a) ? a : [];
            var removed = was.Except(now, StringComparer.Ordinal).ToList();
            var added = now.Except(was, StringComparer.Ordinal).ToList();
            if (removed.Count == 0 && added.Count == 0)
            {
                continue;
            }

            differences.Add($"{table}: {removed.Count} row(s) gone or changed, {added.Count} new or changed" +
                (removed.Count > 0 ? $"\n  before: {HostileRequests.Excerpt(removed[0], 600)}" : "") +
                (added.Count > 0 ? $"\n  after:  {HostileRequests.Excerpt(added[0], 600)}" : ""));
        }

        return differences;
    }

    private static string Render(SqliteDataReader reader, int column) => reader.IsDBNull(column)
        ? "NULL"
        : reader.GetValue(column) switch
        {
            byte[] bytes => Convert.ToBase64String(bytes),
            IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString() ?? "",
        };
}
