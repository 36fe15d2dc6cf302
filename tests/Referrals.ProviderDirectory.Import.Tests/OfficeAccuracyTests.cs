namespace Referrals.ProviderDirectory.Import.Tests;

/// <summary>Seed 004 Annex 3 compared with values written by reading the source (Expected/).</summary>
public sealed class OfficeAccuracyTests
{
    [Fact]
    public void All_42_offices_match_the_hand_checked_values()
    {
        var offices = Seeds.OfficesResult().Offices;
        var expected = ExpectedRows.Read("social-services-004.expected.txt");
        Assert.Equal(42, expected.Count);
        Assert.Equal(42, offices.Count);
        var mismatches = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, o) = (expected[i], offices[i]);
            Check(e[0], o.MunicipalityLabel, "municipality");
            Check(e[1], o.MunicipalityCode, "municipalityCode");
            Check(e[2], o.Name, "name");
            Check(string.Join(' ', ExpectedRows.List(e[3]).Select(d => "+371" + d)), string.Join(' ', o.Phones.Select(p => p.E164)), "phones");
            Check(string.Join(' ', ExpectedRows.List(e[4])), string.Join(' ', o.Emails), "emails");

            void Check(string? want, string? got, string field)
            {
                if (want != got)
                {
                    mismatches.Add($"{e[0]} {field}: expected «{want}», got «{got}»");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.Equal(42, offices.Select(o => o.Key).Distinct().Count());
        Assert.All(offices, o => Assert.NotEmpty(o.Addresses));
        Assert.All(offices, o => Assert.NotEmpty(o.Websites));
    }

    [Fact]
    public void The_Jelgava_row_is_assigned_to_the_state_city_and_reported()
    {
        var result = Seeds.OfficesResult();
        var jelgava = result.Offices.Single(o => o.MunicipalityLabel == "Jelgavas novads");
        Assert.Equal("LV-JEL", jelgava.MunicipalityCode);
        Assert.NotNull(jelgava.Note);
        Assert.Contains(result.Defects, d => d.Kind == "municipality-label-contradicts-office" && d.Line == 7596);
        // Only Jelgava municipality is then left without an office: 43 local governments, 42 rows.
        Assert.Equal(["LV-041"], result.Defects.Where(d => d.Kind == "municipality-without-office").Select(d => d.Key));
    }

    [Fact]
    public void Multi_value_fields_and_personal_mailboxes_are_handled()
    {
        var offices = Seeds.OfficesResult().Offices.ToDictionary(o => o.MunicipalityCode!);
        Assert.Equal(4, offices["LV-052"].Addresses.Count); // Ķekava
        Assert.Equal(["LV-2123", "LV-2124", "LV-2128", "LV-2125"], offices["LV-052"].PostalCodes);
        Assert.Equal(2, offices["LV-011"].Addresses.Count); // Ādaži, Carnikava
        Assert.Equal(["Kuldīga", "Skrunda"], offices["LV-050"].Phones.Select(p => p.Note));
        Assert.Equal("https://www.dobele.lv/lv/strukturvieniba/dobeles-novada-socialais-dienests", offices["LV-026"].Websites.Single());
        Assert.Empty(offices["LV-JUR"].Emails);
        Assert.Empty(offices["LV-073"].Emails);
        Assert.Contains(Seeds.OfficesResult().Defects, d => d.Kind == "personal-email-withheld" && d.Line == 7654);
        Assert.DoesNotContain(Seeds.OfficesResult().Defects, d => d.Detail.Contains('@', StringComparison.Ordinal) && d.Kind == "personal-email-withheld");
    }
}
