namespace Referrals.Deployment.Tests;

/// <summary>The secrets an operator must create: k8s/required-secrets.txt and k8s/secret.example.yaml.</summary>
internal static class SecretCatalogue
{
    public static IReadOnlySet<(string Name, string Key)> Required() =>
        File.ReadAllLines(Repository.PathOf("k8s", "required-secrets.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(fields => (fields[0], fields[1]))
            .ToHashSet();

    public static IReadOnlySet<(string Name, string Key)> Example() =>
        Yaml.LoadDocuments(Repository.Read("k8s", "secret.example.yaml"))
            .Where(document => document.At("kind").Text() == "Secret")
            .SelectMany(document => document.Child("stringData").Keys().Concat(document.Child("data").Keys())
                .Select(key => (RenderedOverlay.NameOf(document), key)))
            .ToHashSet();

    /// <summary>Every (secret, key) a rendered overlay points at; key null where a whole secret is referenced.</summary>
    public static IEnumerable<(string Where, string Name, string? Key)> References(RenderedOverlay overlay)
    {
        foreach (var workload in overlay.Workloads())
        {
            var where = $"{workload.At("kind").Text()}/{RenderedOverlay.NameOf(workload)}";
            foreach (var container in RenderedOverlay.Containers(workload))
            {
                foreach (var variable in container.Child("env").Items())
                {
                    var reference = variable.At("valueFrom", "secretKeyRef");
                    if (reference is not null)
                    {
                        yield return (where, reference.Child("name").Text() ?? string.Empty, reference.Child("key").Text());
                    }
                }

                foreach (var source in container.Child("envFrom").Items())
                {
                    if (source.Child("secretRef") is { } reference)
                    {
                        yield return (where, reference.Child("name").Text() ?? string.Empty, null);
                    }
                }
            }

            foreach (var volume in RenderedOverlay.PodSpec(workload).Child("volumes").Items())
            {
                if (volume.At("secret", "secretName").Text() is { } name)
                {
                    yield return (where, name, null);
                }
            }
        }

        foreach (var ingress in overlay.OfKind("Ingress"))
        {
            foreach (var tls in ingress.At("spec", "tls").Items())
            {
                yield return ($"Ingress/{RenderedOverlay.NameOf(ingress)}", tls.Child("secretName").Text() ?? string.Empty, null);
            }
        }

        foreach (var mongo in overlay.OfKind("MongoDBCommunity"))
        {
            foreach (var user in mongo.At("spec", "users").Items())
            {
                var reference = user.Child("passwordSecretRef");
                yield return ($"MongoDBCommunity/{RenderedOverlay.NameOf(mongo)}", reference.Child("name").Text() ?? string.Empty,
                    reference.Child("key").Text() ?? "password");
            }
        }
    }

    public static bool Lists(IReadOnlySet<(string Name, string Key)> catalogue, string name, string? key) =>
        key is null ? catalogue.Any(entry => entry.Name == name) : catalogue.Contains((name, key));

}
