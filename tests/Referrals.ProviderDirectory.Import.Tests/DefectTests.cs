namespace Referrals.ProviderDirectory.Import.Tests;

/// <summary>Defects of the source are reported with their line numbers and the value is kept as the source says.</summary>
public sealed class DefectTests
{
    [Theory]
    [InlineData(550, "email-incomplete-domain", "soclp@soclp")]
    [InlineData(844, "email-incomplete-domain", "patvr.bernu@tvnet.l")]
    [InlineData(612, "postal-code-truncated", "Kr. Valdemāra iela 13, Daugavpils, LV-")]
    [InlineData(717, "postal-code-truncated", "Šaurā iela 28, Daugavpils, LV-")]
    [InlineData(3716, "postal-code-missing", "Raiņa iela 13, Zilupe, Zilupes novads")]
    [InlineData(578, "phone-7-digit-ambiguous", "6542943")]
    [InlineData(2410, "phone-7-digit-legacy", "5476704")]
    [InlineData(3511, "contacts-in-address-cell", "Tālrunis: 64507224 Fakss: 64507208")]
    [InlineData(3499, "contact-duplicated-from-other-section", "varkavasnov.soc.d@inbox.lv")]
    [InlineData(1193, "legal-status-contradicts-name", "Pašvaldības iestāde for Valsts sociālās aprūpes centra Latgale filiāle Krastiņi")]
    public void A_source_defect_is_reported_at_its_line(int line, string kind, string detail)
    {
        Assert.Contains(Seeds.RegisterResult().Defects, d => d.Line == line && d.Kind == kind && d.Detail == detail);
    }

    [Theory]
    [InlineData(1014, "Balvu novads in section 2 Rēzeknes pilsēta")]
    [InlineData(2607, "Daugavpils novads in section 9 Ilūkstes novads")]
    [InlineData(3331, "Preiļu novads in section 16 Riebiņu novads")]
    [InlineData(3793, "Ludzas novads in section 21 Zilupes novads")]
    [InlineData(3821, "Ludzas novads in section 21 Zilupes novads")]
    public void An_address_contradicting_its_section_is_reported(int line, string detail)
    {
        Assert.Contains(Seeds.RegisterResult().Defects, d => d.Line == line && d.Kind == "address-contradicts-section" && d.Detail == detail);
    }

    [Fact]
    public void Defective_values_are_kept_as_the_source_says()
    {
        var providers = Seeds.RegisterResult().Providers;
        Assert.Contains(providers, p => p.Emails.Contains("soclp@soclp"));
        Assert.Contains(providers, p => p.Emails.Contains("patvr.bernu@tvnet.l"));
        var truncated = providers.Single(p => p.Address.Source == "Kr. Valdemāra iela 13, Daugavpils, LV-");
        Assert.Null(truncated.Address.PostalCode);
        var ambiguous = truncated.Phones.Single(ph => ph.Source == "6542943");
        Assert.Null(ambiguous.E164);
        var subate = providers.Single(p => p.Name.EndsWith("Miera nams", StringComparison.Ordinal));
        Assert.Equal(9, subate.Section);
        Assert.Contains("Daugavpils novads", subate.Address.Source, StringComparison.Ordinal);
    }
}
