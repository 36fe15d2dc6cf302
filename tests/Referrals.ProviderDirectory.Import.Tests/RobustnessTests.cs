using System.Text.Json;
using Referrals.ProviderDirectory.Import.Output;
using Referrals.ProviderDirectory.Import.Register;

namespace Referrals.ProviderDirectory.Import.Tests;

/// <summary>The parser must not depend on where the pages break or in which order the sections come.</summary>
public sealed class RobustnessTests
{
    /// <summary>
    /// Extra page breaks (footer + repeated column header) every <paramref name="period"/> lines at a blank line,
    /// every <paramref name="doubleEvery"/>-th blank line doubled and every <paramref name="dropEvery"/>-th dropped
    /// (two cells then run together), never inside existing page furniture.
    /// </summary>
    [Theory]
    [InlineData(137, 5, 0)]
    [InlineData(61, 3, 0)]
    [InlineData(97, 7, 0)]
    [InlineData(173, 4, 13)]
    [InlineData(79, 9, 6)]
    [InlineData(251, 5, 9)]
    public void A_page_shifted_variant_yields_every_row_with_the_same_content(int period, int doubleEvery, int dropEvery)
    {
        var lines = Seeds.Lines(Seeds.Register);
        var header = lines[3..26]; // the column header as printed at the top of every page
        string[] footer = ["", "IEGULDĪJUMS TAVĀ NĀKOTNĒ ", "", "Latgales plānošanas reģiona sociālo pakalpojumu attīstības programmas 2010. – 2017. gadam. 1.pielikums", "Redakcija, 10/06/2010 ", "", "99", ""];
        var shifted = new List<string>();
        var sinceBreak = 0;
        var blanks = 0;
        var inFurniture = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            inFurniture |= text is "Institūcija Pakalpojuma" or "IEGULDĪJUMS TAVĀ NĀKOTNĒ";
            var inPartOne = i > 30 && i < 3800 && !inFurniture;
            if (inPartOne && text.Length == 0 && dropEvery > 0 && ++blanks % dropEvery == 0)
            {
                continue;
            }

            shifted.Add(lines[i]);
            sinceBreak++;
            if (text == "adrese, u.c." || (text.Length > 0 && text.All(char.IsAsciiDigit)))
            {
                inFurniture = false;
            }

            if (inPartOne && !inFurniture && text.Length == 0)
            {
                if (sinceBreak > period)
                {
                    shifted.AddRange(footer);
                    shifted.AddRange(header);
                    sinceBreak = 0;
                }
                else if (i % doubleEvery == 0)
                {
                    shifted.Add("");
                }
            }
        }

        var original = Seeds.RegisterResult();
        var variant = RegisterImporter.Import("shifted", shifted);
        Assert.True(shifted.Count > lines.Length + 300);
        AssertSameRows(original, variant);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2010)]
    public void A_section_shuffled_variant_yields_every_row_with_the_same_keys(int seed)
    {
        var lines = Seeds.Lines(Seeds.Register);
        var starts = Enumerable.Range(0, 3856).Where(i => System.Text.RegularExpressions.Regex.IsMatch(lines[i].Trim(), @"^\d{1,2}\.\s*\p{L}+ (pilsēta|novads)$")).ToList();
        Assert.Equal(21, starts.Count);
        var end = Array.FindIndex(lines, l => l.TrimStart().StartsWith("2. Valsts institūcijas", StringComparison.Ordinal));
        var sections = starts.Select((s, k) => lines[s..(k + 1 < starts.Count ? starts[k + 1] : end)]).ToList();
        var shuffled = new List<string>(lines[..starts[0]]);
        var random = new Random(seed);
        var order = sections.OrderBy(_ => random.Next()).ToList();
        Assert.NotEqual(sections, order);
        foreach (var section in order)
        {
            shuffled.AddRange(section);
        }

        shuffled.AddRange(lines[end..]);
        var original = Seeds.RegisterResult();
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
