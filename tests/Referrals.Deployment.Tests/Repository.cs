namespace Referrals.Deployment.Tests;

/// <summary>The checkout the tests run in: found by walking up from the test binaries to the compose file.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docker-compose.yml"))
                && Directory.Exists(Path.Combine(directory.FullName, "k8s")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (docker-compose.yml + k8s/) above {AppContext.BaseDirectory}.");
    }
}
