using System.Text.Json;
using Referrals.ProviderDirectory.Import.Diff;
using Referrals.ProviderDirectory.Import.Output;
using Referrals.ProviderDirectory.Import.Register;
using Referrals.Testing;

namespace Referrals.ProviderDirectory.Import.Tests;

/// <summary>Re-importing is an upsert by stable key: nothing duplicated, and a changed row says which fields changed.</summary>
public sealed class ReimportTests
{
    [Fact]
    public void Importing_the_same_source_twice_reports_no_change()
    {
        var first = Json(RegisterImporter.Import(Seeds.Register, Seeds.Lines(Seeds.Register)));
        var second = Json(RegisterImporter.Import(Seeds.Register, Seeds.Lines(Seeds.Register)));
        Assert.Equal(first, second); // deterministic output, byte for byte
        var diff = ImportDiff.Compare(first, second, "providers");
        Assert.True(diff.IsEmpty);
        Assert.Equal(101, diff.Unchanged);
    }

    [Fact]
    public void A_changed_row_is_reported_with_its_fields_and_a_dropped_section_as_removed()
    {
        var lines = Seeds.Lines(Seeds.Register);
        var before = Json(RegisterImporter.Import(Seeds.Register, lines));
        var changed = (string[])lines.Clone();
        var at = Array.FindIndex(changed, l => l.StartsWith("Tālrunis: 64521998", StringComparison.Ordinal));
        changed[at] = changed[at].Replace("64521998", "64521999", StringComparison.Ordinal);
        var zilupe = Array.FindIndex(changed, l => l.Trim() == "21. Zilupes novads");
        var partTwo = Array.FindIndex(changed, l => l.TrimStart().StartsWith("2. Valsts institūcijas", StringComparison.Ordinal));
        var edited = changed[..zilupe].Concat(changed[partTwo..]).ToArray();

        var diff = ImportDiff.Compare(before, Json(RegisterImporter.Import(Seeds.Register, edited)), "providers");

        var row = Assert.Single(diff.Changed);
        Assert.Equal("05-01-balvu-novada-pasvaldibas-sociala-parvalde", row.Key);
        Assert.Equal(["contactsSource", "phones"], row.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(4, diff.Removed.Count);
        Assert.All(diff.Removed, k => Assert.StartsWith("21-", k, StringComparison.Ordinal));
        Assert.Empty(diff.Added);
        Assert.Equal(96, diff.Unchanged);
    }

    [Fact]
    public void The_command_writes_both_files_and_a_second_run_reports_them_unchanged()
    {
        var seed000 = Seeds.PathOf(Seeds.Register);
        var seed004 = Seeds.PathOf(Seeds.Children);
        using var temp = new TempDirectory();
        var firstRun = new StringWriter();
        Assert.Equal(0, ImportCommand.Run(["import", seed000, seed004, "--out", temp.Path], firstRun));
        var register = File.ReadAllText(Path.Combine(temp.Path, ImportCommand.RegisterFile));
        using (var doc = JsonDocument.Parse(register))
        {
            Assert.Equal(101, doc.RootElement.GetProperty("providers").GetArrayLength());
        }

        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, ImportCommand.OfficesFile))))
        {
            Assert.Equal(42, doc.RootElement.GetProperty("offices").GetArrayLength());
        }

        Assert.Contains("section 19 Viļakas novads: 2 rows", firstRun.ToString(), StringComparison.Ordinal);
        Assert.Contains("l.550 email-incomplete-domain", firstRun.ToString(), StringComparison.Ordinal);

        var secondRun = new StringWriter();
        Assert.Equal(0, ImportCommand.Run(["import", seed000, seed004, "--out", temp.Path], secondRun));
        Assert.Contains("0 added, 0 changed, 101 unchanged (0 at other source lines), 0 removed", secondRun.ToString(), StringComparison.Ordinal);
        Assert.Contains("0 added, 0 changed, 42 unchanged (0 at other source lines), 0 removed", secondRun.ToString(), StringComparison.Ordinal);
        Assert.Equal(register, File.ReadAllText(Path.Combine(temp.Path, ImportCommand.RegisterFile)));
    }

    [Fact]
    public void The_committed_seed_files_are_what_the_importer_produces_today()
    {
        var folder = Path.Combine(RepositoryLayout.Root, "services", "ProviderDirectory", "Referrals.ProviderDirectory", "Seed");
        (string File, string Array, string Current)[] files =
        [
            (ImportCommand.RegisterFile, "providers", Json(Seeds.RegisterResult())),
            (ImportCommand.OfficesFile, "offices", Json(Seeds.OfficesResult())),
        ];
        foreach (var (file, array, current) in files)
        {
            var committed = Path.Combine(folder, file);
            Assert.True(File.Exists(committed), "run the importer: " + committed);
            var diff = ImportDiff.Compare(File.ReadAllText(committed), current, array);
            Assert.True(diff.IsEmpty, $"committed {file} is stale: {diff.Changed.Count} changed, {diff.Added.Count} added, {diff.Removed.Count} removed — re-run the importer");
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SeedJson.Options);
}
