using Referrals.ProviderDirectory.Import.Annex3;
using Referrals.ProviderDirectory.Import.Register;
using Referrals.Testing;

namespace Referrals.ProviderDirectory.Import.Tests;

/// <summary>
/// The seed texts live outside the repository (a sibling <c>shared/seeds</c> of the repository root) and are never
/// copied in; tests that need them are skipped, with the reason, where they are absent.
/// </summary>
internal static class Seeds
{
    public const string Register = "000_66ed43892a67fa54.txt";
    public const string Children = "004_37068a9cc46fe536.txt";

    private static readonly Lazy<RegisterResult> RegisterImport = new(() => RegisterImporter.Import(Register, Lines(Register)));
    private static readonly Lazy<OfficesResult> OfficesImport = new(() => Annex3Importer.Import(Children, Lines(Children)));

    public static string PathOf(string file)
    {
        var shared = RepositoryLayout.SharedFolder();
        var path = shared is null ? null : Path.Combine(shared, "seeds", file);
        if (path is null || !File.Exists(path))
        {
            Assert.Skip($"seed files not present: {file} is expected in a sibling shared/seeds folder of the repository root ({RepositoryLayout.Root})");
        }

        return path!;
    }

    public static string[] Lines(string file) => File.ReadAllLines(PathOf(file));

    public static RegisterResult RegisterResult()
    {
        PathOf(Register);
        return RegisterImport.Value;
    }

    public static OfficesResult OfficesResult()
    {
        PathOf(Children);
        return OfficesImport.Value;
    }

    public static string Expected(string name) => Path.Combine(AppContext.BaseDirectory, "Expected", name);
}
