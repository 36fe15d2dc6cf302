using System.Text.Json;
using Referrals.ProviderDirectory.Import.Annex3;
using Referrals.ProviderDirectory.Import.Output;

namespace Referrals.ProviderDirectory.Import.Tests;

public sealed class OfficeRobustnessTests
{
    /// <summary>Extra page ends (hyperlink dump + repeated header) between entries and inside them.</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void A_page_shifted_annex_yields_the_same_offices(int every)
    {
        var lines = Seeds.Lines(Seeds.Children);
        string[] pageEnd = ["", "tel:65133940", "mailto:someone@example.lv", "https://www.example.lv/a", "https://www.example.lv/a", "",
            "Pilsētas,", "", "pašvaldības", "", "nosaukums", "", "Sociālā", "", "dienesta", "", "nosaukums", "", "Sociālā dienesta kontaktinformācija", ""];
        var shifted = new List<string>();
        var labels = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            shifted.Add(lines[i]);
            var text = lines[i].Trim();
            if (i > 7320 && i < 8400 && (text.StartsWith("e-pasts:", StringComparison.Ordinal) || text.StartsWith("Kontakttālrunis", StringComparison.Ordinal))
                && ++labels % every == 0)
            {
                shifted.AddRange(pageEnd);
            }
        }

        var original = Seeds.OfficesResult();
        var variant = Annex3Importer.Import("shifted", shifted);
        Assert.Equal(original.Offices.Select(o => o.Key), variant.Offices.Select(o => o.Key));
        Assert.Equal(
            original.Offices.Select(o => JsonSerializer.Serialize(o with { Line = 0 }, SeedJson.Options)),
            variant.Offices.Select(o => JsonSerializer.Serialize(o with { Line = 0 }, SeedJson.Options)));
    }
}
