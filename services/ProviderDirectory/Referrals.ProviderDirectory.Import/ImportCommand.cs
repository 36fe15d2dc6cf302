using System.Text.Json;
using Referrals.ProviderDirectory.Import.Annex3;
using Referrals.ProviderDirectory.Import.Diff;
using Referrals.ProviderDirectory.Import.Output;
using Referrals.ProviderDirectory.Import.Register;

namespace Referrals.ProviderDirectory.Import;

/// <summary>`import &lt;seed files…&gt; [--out dir] [--previous dir]`: detects each seed, parses it, writes JSON, reports.</summary>
public static class ImportCommand
{
    public const string RegisterFile = "register-000.json";
    public const string OfficesFile = "social-services-004.json";
    private const string DefaultOut = "services/ProviderDirectory/Referrals.ProviderDirectory/Seed";

    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length < 2 || args[0] != "import")
        {
            output.WriteLine("usage: import <seed files...> [--out <dir>] [--previous <dir>]");
            return 2;
        }

        var files = new List<string>();
        var outDir = DefaultOut;
        string? previous = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out":
                    outDir = args[++i];
                    break;
                case "--previous":
                    previous = args[++i];
                    break;
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        previous ??= outDir;
        Directory.CreateDirectory(outDir);
        var summary = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var name = Path.GetFileName(file);
            if (RegisterText.Looks(lines))
            {
                output.WriteLine($"{name}: provider register (seed 000, part 1)");
                var result = RegisterImporter.Import(name, lines, s => output.WriteLine("  " + s));
                Write(output, outDir, previous, RegisterFile, "providers", result, result.Providers.Count, result.Defects);
                var perSection = result.Providers.GroupBy(p => p.Section).Select(g => $"{g.Key}:{g.Count()}");
                summary.Add($"{name}: {result.Providers.Count} providers in {result.Providers.Select(p => p.Section).Distinct().Count()} sections ({string.Join(" ", perSection)})");
                summary.Add("  defects: " + Counts(result.Defects));
            }
            else if (Annex3Importer.Looks(lines))
            {
                output.WriteLine($"{name}: municipal social-service offices (seed 004, Annex 3)");
                var result = Annex3Importer.Import(name, lines, s => output.WriteLine("  " + s));
                Write(output, outDir, previous, OfficesFile, "offices", result, result.Offices.Count, result.Defects);
                summary.Add($"{name}: {result.Offices.Count} municipal social-service offices");
                summary.Add("  defects: " + Counts(result.Defects));
            }
            else
            {
                output.WriteLine($"{name}: not a known seed, skipped");
            }
        }

        // The taxonomies are code, not source data: written on every run so the directory can publish them.
        File.WriteAllText(Path.Combine(outDir, Taxonomies.FileName), JsonSerializer.Serialize(new { taxonomies = Taxonomies.All() }, SeedJson.Options) + "\n");
        output.WriteLine($"taxonomies → {Path.Combine(outDir, Taxonomies.FileName)}");
        output.WriteLine();
        output.WriteLine("Summary");
        foreach (var line in summary)
        {
            output.WriteLine("  " + line);
        }

        return 0;
    }

    private static string Counts(IReadOnlyList<Defect> defects) =>
        defects.Count == 0 ? "none" : string.Join(", ", defects.GroupBy(d => d.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));

    private static void Write<T>(TextWriter output, string outDir, string previousDir, string fileName, string arrayName, T result, int count, IReadOnlyList<Defect> defects)
    {
        var json = JsonSerializer.Serialize(result, SeedJson.Options) + "\n";
        var previousPath = Path.Combine(previousDir, fileName);
        var target = Path.Combine(outDir, fileName);
        if (File.Exists(previousPath))
        {
            var diff = ImportDiff.Compare(File.ReadAllText(previousPath), json, arrayName);
            output.WriteLine($"  re-import against {previousPath}: {diff.Added.Count} added, {diff.Changed.Count} changed, {diff.Unchanged} unchanged ({diff.Moved} at other source lines), {diff.Removed.Count} removed");
            foreach (var c in diff.Changed)
            {
                output.WriteLine($"    changed {c.Key}: {string.Join(", ", c.Fields)}");
            }

            foreach (var a in diff.Added)
            {
                output.WriteLine($"    added {a}");
            }

            foreach (var r in diff.Removed)
            {
                output.WriteLine($"    removed {r}");
            }
        }

        File.WriteAllText(target, json);
        output.WriteLine($"  {count} {arrayName} → {target}");
        output.WriteLine($"  {defects.Count} source defects:");
        foreach (var d in defects)
        {
            output.WriteLine($"    l.{d.Line} {d.Kind} [{d.Key}] {d.Detail}");
        }
    }
}
