using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ProviderDirectory.Import.Diff;

public sealed record ChangedRecord(string Key, IReadOnlyList<string> Fields);

/// <param name="Moved">Unchanged records whose source line numbers moved (provenance only, not a change).</param>
public sealed record DiffReport(IReadOnlyList<string> Added, IReadOnlyList<ChangedRecord> Changed, int Unchanged, IReadOnlyList<string> Removed, int Moved)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
}

/// <summary>Compares two import results record by record on their stable key (upsert semantics).</summary>
public static class ImportDiff
{
    public static DiffReport Compare(string previousJson, string currentJson, string arrayName)
    {
        var before = Records(previousJson, arrayName);
        var after = Records(currentJson, arrayName);
        var added = after.Keys.Where(k => !before.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Where(k => !after.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var changed = new List<ChangedRecord>();
        var unchanged = 0;
        var moved = 0;
        foreach (var key in after.Keys.Where(before.ContainsKey).Order(StringComparer.Ordinal))
        {
            var fields = after[key].Select(p => p.Key)
                .Union(before[key].Select(p => p.Key))
                .Where(f => !JsonNode.DeepEquals(after[key][f], before[key][f]))
                .ToList();
            if (fields.All(Provenance.Contains))
            {
                unchanged++;
                moved += fields.Count > 0 ? 1 : 0;
            }
            else
            {
                changed.Add(new ChangedRecord(key, fields));
            }
        }

        return new DiffReport(added, changed, unchanged, removed, moved);
    }

    // Where a record was found in the source moves when pages shift; it is provenance, not content.
    private static readonly HashSet<string> Provenance = new(StringComparer.Ordinal) { "firstLine", "lastLine", "line" };

    private static Dictionary<string, JsonObject> Records(string json, string arrayName)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not an object");
        return (root[arrayName] as JsonArray ?? [])
            .OfType<JsonObject>()
            .ToDictionary(o => (string)o["key"]!, StringComparer.Ordinal);
    }
}
