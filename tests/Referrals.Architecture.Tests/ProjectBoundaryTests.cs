using System.Reflection;
using System.Xml.Linq;
using Referrals.Testing;
using Xunit;

namespace Referrals.Architecture.Tests;

/// <summary>Services share contracts and defaults, nothing else; shared libraries carry no domain of a service.</summary>
public sealed class ProjectBoundaryTests
{
    private static readonly string[] Services = ["Intake", "Eligibility", "ProviderDirectory", "Notification"];

    public static TheoryData<string> ServiceNames() => new(Services);

    private static IEnumerable<string> ProjectReferences(string csproj) =>
        XDocument.Load(Path.Combine(RepositoryLayout.Root, csproj))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_service_project_references_no_other_service(string service)
    {
        var references = ProjectReferences($"services/{service}/Referrals.{service}/Referrals.{service}.csproj").ToList();

        var others = Services.Where(s => s != service).Select(s => $"Referrals.{s}");
        Assert.Empty(references.Intersect(others));
        Assert.All(references, r => Assert.StartsWith("Referrals.", r, StringComparison.Ordinal));
        Assert.Subset(
            new HashSet<string> { "Referrals.Contracts", "Referrals.Reference", "Referrals.Messaging", "Referrals.ServiceDefaults", $"Referrals.{service}.Import" },
            references.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_service_assembly_loads_no_other_service(string service)
    {
        var assembly = Assembly.Load($"Referrals.{service}");

        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(referenced, name => Services.Any(s => s != service && name == $"Referrals.{s}"));
    }

    [Fact]
    public void Contracts_depend_on_nothing_but_the_runtime()
    {
        var referenced = typeof(Referrals.Contracts.Intake.ReferralSubmitted).Assembly.GetReferencedAssemblies();

        Assert.All(referenced, a => Assert.True(a.Name!.StartsWith("System", StringComparison.Ordinal), a.Name));
    }

    [Fact]
    public void Service_defaults_know_no_domain()
    {
        var references = ProjectReferences("shared/Referrals.ServiceDefaults/Referrals.ServiceDefaults.csproj");

        Assert.Empty(references);
    }

    [Fact]
    public void The_gateway_routes_and_holds_no_service_code()
    {
        var references = ProjectReferences("gateway/Referrals.Gateway/Referrals.Gateway.csproj");

        Assert.Equal(["Referrals.ServiceDefaults"], references);
    }
}
