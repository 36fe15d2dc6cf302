using Referrals.Testing;
using Xunit;

namespace Referrals.Architecture.Tests;

/// <summary>Every host's Program.cs stays a table of contents.</summary>
public sealed class CompositionTests
{
    public static TheoryData<string> Hosts() => new(
        "services/Intake/Referrals.Intake/Program.cs",
        "services/Eligibility/Referrals.Eligibility/Program.cs",
        "services/ProviderDirectory/Referrals.ProviderDirectory/Program.cs",
        "services/Notification/Referrals.Notification/Program.cs",
        "gateway/Referrals.Gateway/Program.cs",
        "gateway/Referrals.Standalone/Program.cs");

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Program_is_short_and_only_composes(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, path))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .ToList();

        Assert.InRange(lines.Count, 5, 35);
        Assert.Contains(lines, line => line.Contains("AddServiceDefaults()", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("MapDefaultEndpoints()", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("MapGet(", StringComparison.Ordinal) || line.Contains("MapPost(", StringComparison.Ordinal));
    }
}
