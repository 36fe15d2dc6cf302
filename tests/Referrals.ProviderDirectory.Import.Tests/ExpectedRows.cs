namespace Referrals.ProviderDirectory.Import.Tests;

/// <summary>Reads the hand-written expectation tables in Expected/ (pipe-separated, '#' comments).</summary>
internal static class ExpectedRows
{
    public static IReadOnlyList<string[]> Read(string file) =>
        File.ReadAllLines(Seeds.Expected(file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('|'))
            .ToList();

    public static IReadOnlyList<string> List(string cell) =>
        cell == "-" ? [] : cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"65432176" → ("+37165432176", voice); "f:…" fax; "vf:…" phone/fax; "?" unresolvable.</summary>
    public static (string? E164, string Type) Phone(string cell)
    {
        var type = cell.StartsWith("vf:", StringComparison.Ordinal) ? "voice-fax" : cell.StartsWith("f:", StringComparison.Ordinal) ? "fax" : "voice";
        var digits = cell[(cell.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return (digits == "?" ? null : "+371" + digits, type);
    }
}
