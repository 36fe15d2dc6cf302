using System.Collections.Concurrent;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Referrals.Deployment.Tests;

/// <summary>The objects `kubectl kustomize k8s/overlays/&lt;name&gt;` renders, with the lookups the tests need.</summary>
internal sealed class RenderedOverlay(string name, IReadOnlyList<YamlMappingNode> objects)
{
    private static readonly ConcurrentDictionary<string, Lazy<ToolResult>> Renders = new();

    public static readonly string[] OurWorkloads = ["intake", "eligibility", "providerdirectory", "notification", "gateway", "portal"];

    public string Name { get; } = name;

    public IReadOnlyList<YamlMappingNode> Objects { get; } = objects;

    public static TheoryData<string> Overlays()
    {
        var overlays = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(Repository.PathOf("k8s", "overlays")).Order(StringComparer.Ordinal))
        {
            overlays.Add(Path.GetFileName(directory));
        }

        return overlays;
    }

    public static RenderedOverlay Render(string overlay)
    {
        var kubectl = Tool.FindOrSkip("kubectl", "apt-get install kubernetes-client, or any kubectl with kustomize");
        var result = Renders.GetOrAdd(overlay, name => new Lazy<ToolResult>(
            () => Tool.Run(kubectl, ["kustomize", Repository.PathOf("k8s", "overlays", name)]))).Value;
        Assert.True(result.ExitCode == 0, $"kubectl kustomize k8s/overlays/{overlay} failed:\n{result.Error}");
        return new RenderedOverlay(overlay, Yaml.LoadDocuments(result.Output));
    }

    public static string NameOf(YamlNode item) => item.At("metadata", "name").Text() ?? string.Empty;

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(item => item.At("kind").Text() == kind);

    /// <summary>Deployments, StatefulSets, DaemonSets, Jobs: everything with a pod template.</summary>
    public IEnumerable<YamlMappingNode> Workloads() =>
        Objects.Where(item => item.At("kind").Text() is "Deployment" or "StatefulSet" or "DaemonSet" or "Job");

    /// <summary>The platform's own Deployments (the four services, the gateway and the portal).</summary>
    public IEnumerable<YamlMappingNode> OurDeployments() =>
        OfKind("Deployment").Where(item => item.At("metadata", "labels", "app.kubernetes.io/part-of").Text() == "referrals");

    public static YamlNode? PodSpec(YamlNode workload) => workload.At("spec", "template", "spec");

    public static IEnumerable<YamlNode> Containers(YamlNode workload) =>
        PodSpec(workload).Child("initContainers").Items().Concat(PodSpec(workload).Child("containers").Items());

    public IReadOnlyDictionary<string, IReadOnlySet<string>> ConfigMapKeys() =>
        OfKind("ConfigMap").ToDictionary(
            NameOf,
            item => (IReadOnlySet<string>)item.Child("data").Keys().Concat(item.Child("binaryData").Keys()).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
}
