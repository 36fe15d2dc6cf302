using System.Text.Json;
using Referrals.ProviderDirectory.Import.Register;

namespace Referrals.ProviderDirectory.Import.Tests;

/// <summary>The import of seed 000 compared with values the team wrote by reading the source (Expected/).</summary>
public sealed class RegisterAccuracyTests
{
    private static readonly Dictionary<string, string> Kinds = new() { ["R"] = "residential", ["N"] = "non-residential", ["B"] = "both" };

    [Fact]
    public void Every_one_of_the_101_rows_matches_the_hand_checked_values()
    {
        var providers = Seeds.RegisterResult().Providers;
        var expected = ExpectedRows.Read("register-000.expected.txt");
        Assert.Equal(101, expected.Count);
        Assert.Equal(101, providers.Count);

        var mismatches = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var p = providers[i];
            Check(e[0], $"{p.Section}-{p.Row}", "row");
            Check(Kinds[e[1]], p.ServiceKind.Code, "serviceKind");
            Check(e[2], p.Name, "name");
            Check(e[3] == "-" ? null : e[3], p.Address.PostalCode, "postalCode");
            Check(e[4], p.ProviderType.Code, "providerType");
            Check(e[5], p.LegalStatus.Code, "legalStatus");
            Check(string.Join(' ', ExpectedRows.List(e[6]).Select(ExpectedRows.Phone).Select(x => $"{x.E164}/{x.Type}")),
                string.Join(' ', p.Phones.Select(x => $"{x.E164}/{x.Type}")), "phones");
            Check(string.Join(' ', ExpectedRows.List(e[7])), string.Join(' ', p.Emails), "emails");
            Check(string.Join(' ', ExpectedRows.List(e[8])), string.Join(' ', p.Websites), "websites");

            void Check(string? want, string? got, string field)
            {
                if (!string.Equals(want, got, StringComparison.Ordinal))
                {
                    mismatches.Add($"{e[0]} {field}: expected «{want}», got «{got}»");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void Every_field_of_the_sampled_hard_rows_matches()
    {
        var providers = Seeds.RegisterResult().Providers.ToDictionary(p => $"{p.Section}-{p.Row}");
        using var sample = JsonDocument.Parse(File.ReadAllText(Seeds.Expected("register-000.sample.expected.json")));
        var mismatches = new List<string>();
        foreach (var row in sample.RootElement.GetProperty("rows").EnumerateArray())
        {
            var id = row.GetProperty("row").GetString()!;
            var p = providers[id];
            Check("address", p.Address.Source);
            Check("providerTypeSource", p.ProviderType.Source);
            Check("clients", p.Clients.Source);
            Check("legalStatusSource", p.LegalStatus.Source);
            CheckSet("ageGroups", p.Clients.AgeGroups);
            CheckList("clientGroups", p.ClientGroups.Select(g => g.Phrase).ToList());
            CheckSet("clientGroupCodes", p.ClientGroups.SelectMany(g => g.Codes).Distinct().ToList());

            void Check(string field, string got)
            {
                var want = row.GetProperty(field).GetString();
                if (want != got)
                {
                    mismatches.Add($"{id} {field}: expected «{want}», got «{got}»");
                }
            }

            void CheckList(string field, IReadOnlyList<string> got)
            {
                var want = row.GetProperty(field).EnumerateArray().Select(x => x.GetString()!).ToList();
                if (!want.SequenceEqual(got))
                {
                    mismatches.Add($"{id} {field}: expected «{string.Join(" | ", want)}», got «{string.Join(" | ", got)}»");
                }
            }

            void CheckSet(string field, IReadOnlyList<string> got)
            {
                var want = row.GetProperty(field).EnumerateArray().Select(x => x.GetString()!).Order().ToList();
                if (!want.SequenceEqual(got.Order()))
                {
                    mismatches.Add($"{id} {field}: expected «{string.Join(", ", want)}», got «{string.Join(", ", got.Order())}»");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void Sections_have_the_row_counts_of_the_source()
    {
        var counts = Seeds.RegisterResult().Providers.GroupBy(p => p.Section).ToDictionary(g => g.Key, g => g.Count());
        int[] expected = [18, 10, 3, 2, 10, 1, 3, 15, 5, 1, 4, 6, 4, 1, 3, 2, 1, 2, 2, 4, 4];
        Assert.Equal(expected, Enumerable.Range(1, 21).Select(s => counts.GetValueOrDefault(s)));
        Assert.Equal("Viļakas novads", Seeds.RegisterResult().Providers.First(p => p.Section == 19).SectionName);
    }

    [Fact]
    public void Keys_are_unique_and_every_closed_vocabulary_cell_is_mapped()
    {
        var providers = Seeds.RegisterResult().Providers;
        Assert.Equal(providers.Count, providers.Select(p => p.Key).Distinct().Count());
        Assert.All(providers, p =>
        {
            Assert.NotNull(p.ServiceKind.Code);
            Assert.NotNull(p.ProviderType.Code);
            Assert.NotNull(p.LegalStatus.Code);
            Assert.NotEmpty(p.Clients.Source);
            Assert.NotEmpty(p.ClientGroups);
            Assert.NotEmpty(p.Phones);
        });
    }

    [Fact]
    public void Legacy_seven_digit_numbers_keep_their_source_form()
    {
        var paspārne = Seeds.RegisterResult().Providers.Single(p => p.Name.EndsWith("Paspārne", StringComparison.Ordinal));
        Assert.All(paspārne.Phones, ph => Assert.True(ph.Legacy));
        Assert.Equal(["5476704", "5476703"], paspārne.Phones.Select(ph => ph.Source));
        Assert.Equal(["+37165476704", "+37165476703"], paspārne.Phones.Select(ph => ph.E164));
    }
}
