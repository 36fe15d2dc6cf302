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
}
