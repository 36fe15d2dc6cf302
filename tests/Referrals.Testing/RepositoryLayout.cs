namespace Referrals.Testing;

/// <summary>Where the repository and the built service assemblies are, seen from a running test.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: whatever the tests themselves were built as.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>The built entry assembly of a project, e.g. ("services/Intake/Referrals.Intake", "Referrals.Intake").</summary>
    public static string Assembly(string projectDirectory, string name) =>
        Path.Combine(Root, projectDirectory, "bin", Configuration, "net10.0", name + ".dll");

    /// <summary>The sibling <c>shared/</c> folder that holds the seeds and the standards (outside the repository).</summary>
    public static string? SharedFolder()
    {
        var candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Referrals.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Referrals.sln not found above " + AppContext.BaseDirectory);
    }
}
