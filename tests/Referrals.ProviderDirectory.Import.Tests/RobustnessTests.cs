using System.Text.Json;
using Referrals.ProviderDirectory.Import.Output;
using Referrals.ProviderDirectory.Import.Register;

namespace Referrals.ProviderDirectory.Import.Tests;

/// <summary>The parser must not depend on where the pages break or in which order the sections come.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void A_page_shifted_variant_yields_every_row_with_the_same_content()
    {
        var lines = Seeds.Lines(Seeds.Register);
        var header = lines[3..26]; // the column header as printed at the top of every page
        string[] footer = ["", "IEGULDĪJUMS TAVĀ NĀKOTNĒ ", "", "Latgales plānošanas reģiona sociālo pakalpojumu attīstības programmas 2010. – 2017. gadam. 1.pielikums", "Redakcija, 10/06/2010 ", "", "99", ""];
        var shifted = new List<string>();
        var sinceBreak = 0;
        var inFurniture = false;
        for (var i = 0; i < lines.Length; i++)
        {
            shifted.Add(lines[i]);
            sinceBreak++;
            // Page furniture is never cut by another page break.
            inFurniture = lines[i].Trim() switch
            {
                "Institūcija Pakalpojuma" or "IEGULDĪJUMS TAVĀ NĀKOTNĒ" => true,
                "adrese, u.c." => false,
                var t when t.Length > 0 && t.All(char.IsAsciiDigit) => false,
                _ => inFurniture,
            };

            // Extra page breaks at blank lines between cells of part 1, and blank lines doubled elsewhere.
            if (i < 3800 && !inFurniture && lines[i].Trim().Length == 0 && i > 30)
            {
                if (sinceBreak > 137)
                {
                    shifted.AddRange(footer);
                    shifted.AddRange(header);
                    sinceBreak = 0;
                }
                else if (i % 5 == 0)
                {
                    shifted.Add("");
                }
            }
        }

        var original = RegisterImporter.Import("original", lines);
        var variant = RegisterImporter.Import("shifted", shifted);
        Assert.True(shifted.Count > lines.Length + 300);
        AssertSameRows(original, variant);
    }

    [Fact]
    public void A_section_shuffled_variant_yields_every_row_with_the_same_keys()
    {
        var lines = Seeds.Lines(Seeds.Register);
        var starts = Enumerable.Range(0, 3856).Where(i => System.Text.RegularExpressions.Regex.IsMatch(lines[i].Trim(), @"^\d{1,2}\.\s*\p{L}+ (pilsēta|novads)$")).ToList();
        Assert.Equal(21, starts.Count);
        var end = Array.FindIndex(lines, l => l.TrimStart().StartsWith("2. Valsts institūcijas", StringComparison.Ordinal));
        var sections = starts.Select((s, k) => lines[s..(k + 1 < starts.Count ? starts[k + 1] : end)]).ToList();
        var shuffled = new List<string>(lines[..starts[0]]);
        foreach (var section in sections.OrderBy(_ => Random.Shared.Next()).ToList().OrderBy(s => s.Length % 7))
        {
            shuffled.AddRange(section);
        }

        shuffled.AddRange(lines[end..]);
        var original = RegisterImporter.Import("original", lines);
        var variant = RegisterImporter.Import("shuffled", shuffled);
        AssertSameRows(original, variant);
    }

    private static void AssertSameRows(RegisterResult original, RegisterResult variant)
    {
        var missing = original.Providers.Select(p => p.Key).Except(variant.Providers.Select(p => p.Key)).ToList();
        var extra = variant.Providers.Select(p => p.Key).Except(original.Providers.Select(p => p.Key)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"missing: {string.Join(", ", missing)}\nextra: {string.Join(", ", extra)}");
        Assert.Equal(101, variant.Providers.Count);
        Assert.Equal(original.Providers.Select(p => p.Key), variant.Providers.Select(p => p.Key));
        var mismatches = original.Providers.Zip(variant.Providers)
            .Where(pair => Content(pair.First) != Content(pair.Second))
            .Select(pair => $"{pair.First.Key}:\n  {Content(pair.First)}\n  {Content(pair.Second)}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    // Everything but the source line numbers, which move with the text.
    private static string Content(Provider p) => JsonSerializer.Serialize(p with { FirstLine = 0, LastLine = 0 }, SeedJson.Options);
}
