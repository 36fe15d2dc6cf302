namespace Referrals.ProviderDirectory;

/// <summary>Section <c>ProviderDirectory</c>. The store itself is <c>ConnectionStrings:ProviderDirectoryStore</c>.</summary>
public sealed class ProviderDirectoryOptions
{
    public const string Section = "ProviderDirectory";

    public const string ConnectionStringName = "ProviderDirectoryStore";

    /// <summary>Load <c>Seed/demo-directory.json</c> at start when the directory is empty, so a newcomer can try the whole flow.</summary>
    public bool SeedDemoDirectory { get; set; } = true;

    /// <summary>Relative to the application's folder.</summary>
    public string DemoDirectoryFile { get; set; } = Path.Combine("Seed", "demo-directory.json");

    /// <summary>The importer's seed-000 register (providers and services), relative to the application's folder.</summary>
    public string RegisterFile { get; set; } = Path.Combine("Seed", "register-000.json");

    /// <summary>The importer's seed-004 Annex 3 (municipal social services).</summary>
    public string SocialServicesFile { get; set; } = Path.Combine("Seed", "social-services-004.json");

    /// <summary>Register sections (pre-2021 municipalities) to 2021 ISO 3166-2:LV codes.</summary>
    public string CrosswalkFile { get; set; } = Path.Combine("Seed", "municipality-crosswalk-2010-2021.json");

    /// <summary>The importer's vocabularies, published as HSDS taxonomies.</summary>
    public string TaxonomiesFile { get; set; } = Path.Combine("Seed", "taxonomies.json");

    /// <summary>The URI of the HSDS profile declared at <c>GET /api/providers/</c> (text: docs/hsds-profile.md); set it to where it is published.</summary>
    public string HsdsProfile { get; set; } = "urn:referrals:hsds-profile:lv:1";
}
