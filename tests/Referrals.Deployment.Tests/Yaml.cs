using YamlDotNet.RepresentationModel;

namespace Referrals.Deployment.Tests;

/// <summary>Small navigation helpers over YamlDotNet's node model (aliases are resolved by the loader; merge keys here).</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> LoadDocuments(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlNode? Child(this YamlNode? node, string key) =>
        node.Entries().Where(entry => entry.Key == key).Select(entry => entry.Value).FirstOrDefault();

    public static YamlNode? At(this YamlNode? node, params string[] path) =>
        path.Aggregate(node, (current, key) => current.Child(key));

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];

    /// <summary>A mapping's entries, with compose's <c>&lt;&lt;: *anchor</c> merge keys expanded (own keys win).</summary>
    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node)
    {
        if (node is not YamlMappingNode mapping)
        {
            return [];
        }

        var own = mapping.Children
            .Where(entry => entry.Key is YamlScalarNode { Value: not "<<" })
            .Select(entry => new KeyValuePair<string, YamlNode>(((YamlScalarNode)entry.Key).Value ?? string.Empty, entry.Value))
            .ToList();
        var merged = mapping.Children
            .Where(entry => entry.Key is YamlScalarNode { Value: "<<" })
            .SelectMany(entry => entry.Value is YamlSequenceNode many ? many.Children : [entry.Value])
            .SelectMany(Entries)
            .Where(entry => own.TrueForAll(ownEntry => ownEntry.Key != entry.Key));
        return own.Concat(merged).ToList();
    }

    public static IEnumerable<string> Keys(this YamlNode? node) => node.Entries().Select(entry => entry.Key);
}
