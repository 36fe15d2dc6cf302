using System.Text.Json;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Referrals.Deployment.Tests;

/// <summary>Renders every overlay with `kubectl kustomize` and checks what an operator relies on.</summary>
public sealed class KubernetesManifestTests
{
    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Renders_all_six_workloads_of_ours(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);

        Assert.Equal(
            RenderedOverlay.OurWorkloads.Order(StringComparer.Ordinal),
            rendered.OurDeployments().Select(RenderedOverlay.NameOf).Order(StringComparer.Ordinal));
        Assert.Empty(rendered.OfKind("Secret"));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Our_workloads_probe_liveness_and_readiness_on_the_health_endpoints(string overlay)
    {
        var problems = new List<string>();
        foreach (var deployment in RenderedOverlay.Render(overlay).OurDeployments())
        {
            foreach (var container in RenderedOverlay.Containers(deployment))
            {
                var where = $"{RenderedOverlay.NameOf(deployment)}/{container.Child("name").Text()}";
                Expect(problems, container.At("livenessProbe", "httpGet", "path").Text() == "/health/live", $"{where}: liveness must GET /health/live");
                Expect(problems, container.At("readinessProbe", "httpGet", "path").Text() == "/health/ready", $"{where}: readiness must GET /health/ready");
                Expect(problems, container.At("livenessProbe", "httpGet", "port").Text() is "http" or "8080", $"{where}: liveness must use port 8080");
                Expect(problems, container.Child("ports").Items().Any(port => port.Child("containerPort").Text() == "8080"), $"{where}: must listen on 8080");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Every_container_requests_and_limits_cpu_and_memory(string overlay)
    {
        var problems = new List<string>();
        var rendered = RenderedOverlay.Render(overlay);
        foreach (var workload in rendered.Workloads())
        {
            foreach (var container in RenderedOverlay.Containers(workload))
            {
                foreach (var kind in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        Expect(problems, !string.IsNullOrWhiteSpace(container.At("resources", kind, resource).Text()),
                            $"{RenderedOverlay.NameOf(workload)}/{container.Child("name").Text()}: resources.{kind}.{resource} is not set");
                    }
                }
            }
        }

        foreach (var cluster in rendered.OfKind("RabbitmqCluster"))
        {
            Expect(problems, cluster.At("spec", "resources", "limits", "memory") is not null, $"RabbitmqCluster/{RenderedOverlay.NameOf(cluster)}: no limits");
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Our_workloads_run_as_non_root_on_a_read_only_root_filesystem(string overlay)
    {
        var problems = new List<string>();
        var rendered = RenderedOverlay.Render(overlay);
        foreach (var deployment in rendered.OurDeployments())
        {
            var pod = RenderedOverlay.PodSpec(deployment);
            var tmpVolumes = pod.Child("volumes").Items()
                .Where(volume => volume.Child("emptyDir") is not null)
                .Select(volume => volume.Child("name").Text())
                .ToHashSet();
            foreach (var container in RenderedOverlay.Containers(deployment))
            {
                var where = $"{RenderedOverlay.NameOf(deployment)}/{container.Child("name").Text()}";
                Expect(problems, RunsAsNonRoot(pod, container), $"{where}: runAsNonRoot must be true");
                Expect(problems, container.At("securityContext", "readOnlyRootFilesystem").Text() == "true", $"{where}: readOnlyRootFilesystem must be true");
                Expect(problems, container.At("securityContext", "allowPrivilegeEscalation").Text() == "false", $"{where}: allowPrivilegeEscalation must be false");
                Expect(problems, container.Child("volumeMounts").Items().Any(mount =>
                        mount.Child("mountPath").Text() == "/tmp" && tmpVolumes.Contains(mount.Child("name").Text())),
                    $"{where}: /tmp must be a writable emptyDir");
            }
        }

        // Brokers and databases write to their own volumes, but still never as root.
        foreach (var statefulSet in rendered.OfKind("StatefulSet"))
        {
            var pod = RenderedOverlay.PodSpec(statefulSet);
            foreach (var container in RenderedOverlay.Containers(statefulSet))
            {
                Expect(problems, RunsAsNonRoot(pod, container), $"StatefulSet/{RenderedOverlay.NameOf(statefulSet)}: runAsNonRoot must be true");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Every_image_has_a_pinned_tag(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var images = rendered.Workloads()
            .SelectMany(workload => RenderedOverlay.Containers(workload)
                .Select(container => (Where: RenderedOverlay.NameOf(workload), Image: container.Child("image").Text() ?? string.Empty)))
            .Concat(rendered.OfKind("RabbitmqCluster").Select(cluster => (Where: RenderedOverlay.NameOf(cluster), Image: cluster.At("spec", "image").Text() ?? string.Empty)))
            .ToList();

        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.True(ImageReference.IsPinned(image.Image), $"{image.Where}: image '{image.Image}' needs a tag other than latest"));
        Assert.All(rendered.OfKind("MongoDBCommunity"), mongo => Assert.Matches(@"^\d+\.\d+\.\d+$", mongo.At("spec", "version").Text() ?? string.Empty));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Every_config_map_reference_points_at_an_existing_key(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var configMaps = rendered.ConfigMapKeys();
        var problems = new List<string>();
        var checkedReferences = 0;
        foreach (var workload in rendered.Workloads())
        {
            var where = RenderedOverlay.NameOf(workload);
            foreach (var container in RenderedOverlay.Containers(workload))
            {
                foreach (var variable in container.Child("env").Items())
                {
                    if (variable.At("valueFrom", "configMapKeyRef") is { } reference)
                    {
                        checkedReferences++;
                        var name = reference.Child("name").Text() ?? string.Empty;
                        var key = reference.Child("key").Text() ?? string.Empty;
                        Expect(problems, configMaps.TryGetValue(name, out var keys) && keys.Contains(key),
                            $"{where}: env {variable.Child("name").Text()} refers to missing ConfigMap key {name}/{key}");
                    }
                }

                foreach (var source in container.Child("envFrom").Items())
                {
                    if (source.At("configMapRef", "name").Text() is { } name)
                    {
                        checkedReferences++;
                        Expect(problems, configMaps.ContainsKey(name), $"{where}: envFrom refers to missing ConfigMap {name}");
                    }
                }
            }

            foreach (var volume in RenderedOverlay.PodSpec(workload).Child("volumes").Items())
            {
                if (volume.At("configMap", "name").Text() is { } name)
                {
                    checkedReferences++;
                    Expect(problems, configMaps.ContainsKey(name), $"{where}: volume refers to missing ConfigMap {name}");
                }
            }
        }

        Assert.True(checkedReferences > 0, "no ConfigMap reference was found to check");
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Every_secret_reference_is_listed_in_required_secrets_and_the_example(string overlay)
    {
        var required = SecretCatalogue.Required();
        var example = SecretCatalogue.Example();
        var references = SecretCatalogue.References(RenderedOverlay.Render(overlay)).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            var what = reference.Key is null ? reference.Name : $"{reference.Name}/{reference.Key}";
            Assert.True(SecretCatalogue.Lists(required, reference.Name, reference.Key), $"{reference.Where}: {what} is not in k8s/required-secrets.txt");
            Assert.True(SecretCatalogue.Lists(example, reference.Name, reference.Key), $"{reference.Where}: {what} is not in k8s/secret.example.yaml");
        });
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Every_workload_of_ours_has_a_service_autoscaler_disruption_budget_and_network_policy(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        foreach (var name in RenderedOverlay.OurWorkloads)
        {
            Assert.Contains(rendered.OfKind("Service"), service => service.At("spec", "selector", "app.kubernetes.io/name").Text() == name);
            Assert.Contains(rendered.OfKind("HorizontalPodAutoscaler"), hpa => hpa.At("spec", "scaleTargetRef", "name").Text() == name);
            Assert.Contains(rendered.OfKind("PodDisruptionBudget"), pdb => pdb.At("spec", "selector", "matchLabels", "app.kubernetes.io/name").Text() == name);
            Assert.Contains(rendered.OfKind("NetworkPolicy"), policy =>
                policy.At("spec", "podSelector", "matchLabels", "app.kubernetes.io/name").Text() == name
                && policy.At("spec", "policyTypes").Items().Select(type => type.Text()).Contains("Egress"));
        }

        // Our pods are denied by default; everything else is an explicit allowance.
        Assert.Contains(rendered.OfKind("NetworkPolicy"), policy =>
            policy.At("spec", "podSelector", "matchLabels", "app.kubernetes.io/part-of").Text() == "referrals"
            && policy.At("spec", "ingress") is null && policy.At("spec", "egress") is null);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Only_the_gateway_is_reachable_from_outside(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var backends = rendered.OfKind("Ingress")
            .SelectMany(ingress => ingress.At("spec", "rules").Items())
            .SelectMany(rule => rule.At("http", "paths").Items())
            .Select(path => path.At("backend", "service", "name").Text())
            .ToList();

        Assert.NotEmpty(backends);
        Assert.All(backends, backend => Assert.Equal("gateway", backend));
        Assert.All(rendered.OfKind("Service"), service => Assert.NotEqual("LoadBalancer", service.At("spec", "type").Text()));

        // Each service accepts traffic from the gateway alone (Notification also takes Kannel's delivery reports).
        foreach (var name in RenderedOverlay.OurWorkloads.Where(name => name != "gateway"))
        {
            var policy = rendered.OfKind("NetworkPolicy").Single(item =>
                item.At("spec", "podSelector", "matchLabels", "app.kubernetes.io/name").Text() == name);
            var sources = policy.At("spec", "ingress").Items().SelectMany(rule => rule.Child("from").Items())
                .Select(source => source.At("podSelector", "matchLabels", "app.kubernetes.io/name").Text())
                .ToList();
            Assert.Contains("gateway", sources);
            Assert.All(sources, source => Assert.True(source == "gateway" || (name == "notification" && source == "kannel"),
                $"{name} accepts traffic from {source ?? "a namespace or address block"}"));
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Each_service_gets_the_configuration_names_its_appsettings_declares(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var common = rendered.ConfigMapKeys().Single(configMap => configMap.Key.StartsWith("referrals-common", StringComparison.Ordinal)).Value;
        Assert.Contains("Messaging__Transport", common);
        Assert.Contains("Urls", common);

        var checkedServices = 0;
        foreach (var appsettings in Directory.GetFiles(Repository.PathOf("services"), "appsettings.json", SearchOption.AllDirectories)
                     .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                    && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var service = Path.GetFileName(Path.GetDirectoryName(appsettings))!.Replace("Referrals.", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            var deployment = rendered.OurDeployments().Single(item => RenderedOverlay.NameOf(item) == service);
            var variables = RenderedOverlay.Containers(deployment).SelectMany(container => container.Child("env").Items())
                .Select(variable => variable.Child("name").Text()).ToHashSet();

            using var json = JsonDocument.Parse(File.ReadAllText(appsettings));
            if (json.RootElement.TryGetProperty("ConnectionStrings", out var declared))
            {
                var connectionStrings = declared.EnumerateObject().Select(property => property.Name).ToList();
                Assert.NotEmpty(connectionStrings);
                Assert.All(connectionStrings, name => Assert.Contains($"ConnectionStrings__{name}", variables));
            }
            else
            {
                // A deployable without a store or a broker (the portal) is handed no connection string either.
                Assert.DoesNotContain(variables, name => name?.StartsWith("ConnectionStrings__", StringComparison.Ordinal) == true);
            }

            checkedServices++;
        }

        Assert.True(checkedServices >= 4, $"only {checkedServices} services/**/appsettings.json were found");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void The_gateway_routes_each_cluster_to_its_service(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var gatewayConfig = rendered.OfKind("ConfigMap").Single(item => RenderedOverlay.NameOf(item).StartsWith("gateway-config", StringComparison.Ordinal));
        var services = rendered.OfKind("Service").Select(RenderedOverlay.NameOf).ToHashSet();
        var gatewayVariables = RenderedOverlay.Containers(rendered.OurDeployments().Single(item => RenderedOverlay.NameOf(item) == "gateway"))
            .SelectMany(container => container.Child("env").Items())
            .ToDictionary(variable => variable.Child("name").Text() ?? string.Empty, variable => variable.At("valueFrom", "configMapKeyRef", "key").Text());

        // The portal is a cluster like the services: every path that is not /api, /auth, /health or /openapi.
        foreach (var cluster in RenderedOverlay.OurWorkloads.Where(name => name != "gateway"))
        {
            var key = $"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address";
            var address = gatewayConfig.At("data", key).Text();
            Assert.Equal($"http://{cluster}:8080", address);
            Assert.Contains(cluster, services);
            Assert.True(gatewayVariables.TryGetValue(key, out var from) && from == key, $"the gateway Deployment does not read {key} from gateway-config");
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void Only_the_gateway_reaches_the_portal_and_the_portal_reaches_only_the_gateway(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var policies = rendered.OfKind("NetworkPolicy").ToList();
        var portal = policies.Single(item => item.At("spec", "podSelector", "matchLabels", "app.kubernetes.io/name").Text() == "portal");

        Assert.Equal(["gateway"], PeerNames(portal, "ingress", "from"));
        Assert.Equal(["gateway"], PeerNames(portal, "egress", "to"));
        Assert.All(portal.At("spec", "ingress").Items().Concat(portal.At("spec", "egress").Items()), rule =>
            Assert.Equal(["8080"], rule.Child("ports").Items().Select(port => port.Child("port").Text())));

        var gateway = policies.Single(item => item.At("spec", "podSelector", "matchLabels", "app.kubernetes.io/name").Text() == "gateway");
        Assert.Contains("portal", PeerNames(gateway, "ingress", "from"));
        Assert.Contains("portal", PeerNames(gateway, "egress", "to"));

        // RabbitMQ and MongoDB admit `component: api` pods: the portal must not be one, nor be named by them.
        var deployment = rendered.OurDeployments().Single(item => RenderedOverlay.NameOf(item) == "portal");
        Assert.NotEqual("api", deployment.At("spec", "template", "metadata", "labels", "app.kubernetes.io/component").Text());
        foreach (var store in policies.Where(item => item.At("spec", "podSelector", "matchLabels", "app.kubernetes.io/name").Text() is "rabbitmq" or "mongodb"))
        {
            Assert.DoesNotContain("portal", PeerNames(store, "ingress", "from"));
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Overlays), MemberType = typeof(RenderedOverlay))]
    public void The_portal_calls_the_gateway_and_its_replicas_share_one_key_ring(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var deployment = rendered.OurDeployments().Single(item => RenderedOverlay.NameOf(item) == "portal");
        var container = Assert.Single(RenderedOverlay.Containers(deployment));
        var configMaps = rendered.OfKind("ConfigMap").ToDictionary(RenderedOverlay.NameOf);
        string? Setting(string name)
        {
            var variable = container.Child("env").Items().SingleOrDefault(item => item.Child("name").Text() == name);
            var reference = variable.At("valueFrom", "configMapKeyRef");
            return reference is null
                ? variable.Child("value").Text()
                : configMaps[reference.Child("name").Text() ?? string.Empty].At("data", reference.Child("key").Text() ?? string.Empty).Text();
        }

        Assert.Equal("http://gateway:8080", Setting("Portal__ApiBaseUrl"));
        // Its one secret is its client secret at the identity provider (no store, no broker).
        Assert.Equal(["portal-secrets/Portal__OpenIdConnect__ClientSecret"], container.Child("env").Items()
            .Select(item => item.At("valueFrom", "secretKeyRef")).Where(reference => reference is not null)
            .Select(reference => $"{reference!.Child("name").Text()}/{reference.Child("key").Text()}"));
        Assert.Equal("referrals-portal", Setting("Portal__OpenIdConnect__ClientId"));
        Assert.DoesNotContain(container.Child("env").Items(), item => item.Child("name").Text()?.StartsWith("ConnectionStrings__", StringComparison.Ordinal) == true);

        // The key ring lives on a claimed volume mounted where Portal__DataProtectionKeysPath points, not in the pod.
        var keysPath = Setting("Portal__DataProtectionKeysPath");
        Assert.False(string.IsNullOrEmpty(keysPath), "Portal__DataProtectionKeysPath is not set");
        var mount = Assert.Single(container.Child("volumeMounts").Items(), item => item.Child("mountPath").Text() == keysPath);
        var volume = RenderedOverlay.PodSpec(deployment).Child("volumes").Items().Single(item => item.Child("name").Text() == mount.Child("name").Text());
        Assert.NotEqual("true", mount.Child("readOnly").Text());
        var claimName = volume.At("persistentVolumeClaim", "claimName").Text();
        Assert.True(claimName is not null, "the portal's key ring must be on a PersistentVolumeClaim (an emptyDir gives every pod its own keys)");
        var claim = rendered.OfKind("PersistentVolumeClaim").Single(item => RenderedOverlay.NameOf(item) == claimName);
        var accessModes = claim.At("spec", "accessModes").Items().Select(mode => mode.Text()).ToList();

        // Several pods (maybe on several nodes) need ReadWriteMany; a ReadWriteOnce claim allows one pod, never two at once.
        var hpa = rendered.OfKind("HorizontalPodAutoscaler").Single(item => item.At("spec", "scaleTargetRef", "name").Text() == "portal");
        var mostPods = Math.Max(int.Parse(deployment.At("spec", "replicas").Text()!), int.Parse(hpa.At("spec", "maxReplicas").Text()!));
        if (!accessModes.Contains("ReadWriteMany"))
        {
            Assert.Equal(["ReadWriteOnce"], accessModes);
            Assert.Equal(1, mostPods);
            Assert.Equal("Recreate", deployment.At("spec", "strategy", "type").Text());
        }
    }

    [Fact]
    public void The_dev_overlay_runs_rabbitmq_and_mongodb_as_single_statefulsets()
    {
        var rendered = RenderedOverlay.Render("dev");

        var statefulSets = rendered.OfKind("StatefulSet").ToDictionary(RenderedOverlay.NameOf, item => item.At("spec", "replicas").Text());
        Assert.Equal("1", statefulSets["rabbitmq"]);
        Assert.Equal("1", statefulSets["mongodb"]);
        Assert.Empty(rendered.OfKind("RabbitmqCluster"));
        Assert.Empty(rendered.OfKind("MongoDBCommunity"));
        Assert.All(rendered.OurDeployments(), deployment => Assert.Equal("1", deployment.At("spec", "replicas").Text()));
    }

    [Fact]
    public void The_prod_overlay_uses_the_operators_with_three_members_and_more_replicas()
    {
        var rendered = RenderedOverlay.Render("prod");

        Assert.Equal("3", Assert.Single(rendered.OfKind("RabbitmqCluster")).At("spec", "replicas").Text());
        var mongo = Assert.Single(rendered.OfKind("MongoDBCommunity"));
        Assert.Equal("3", mongo.At("spec", "members").Text());
        Assert.Equal("ReplicaSet", mongo.At("spec", "type").Text());
        Assert.Equal(
            ["eligibility", "intake", "notification", "providerdirectory"],
            mongo.At("spec", "users").Items()
                .Where(user => user.At("roles").Items().Any(role => role.Child("name").Text() == "readWrite"))
                .Select(user => user.Child("name").Text()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(rendered.OfKind("StatefulSet"), item => RenderedOverlay.NameOf(item) is "rabbitmq" or "mongodb");
        Assert.Single(rendered.OfKind("StatefulSet"), item => RenderedOverlay.NameOf(item) == "kannel-bearerbox");
        Assert.All(rendered.OurDeployments(), deployment => Assert.True(int.Parse(deployment.At("spec", "replicas").Text()!) >= 3));
        Assert.All(rendered.OfKind("HorizontalPodAutoscaler"), hpa => Assert.True(int.Parse(hpa.At("spec", "minReplicas").Text()!) >= 3));
    }

    [Fact]
    public void The_mongodb_init_script_is_the_same_for_compose_and_the_dev_overlay()
    {
        Assert.Equal(
            Repository.Read("deploy", "mongo", "create-service-users.js"),
            Repository.Read("k8s", "overlays", "dev", "mongodb", "create-service-users.js"));
    }

    [Fact]
    public void The_secret_example_is_part_of_no_kustomization_and_lists_the_required_secrets()
    {
        var kustomizations = Directory.GetFiles(Repository.PathOf("k8s"), "kustomization.yaml", SearchOption.AllDirectories);
        Assert.NotEmpty(kustomizations);
        Assert.All(kustomizations, file => Assert.DoesNotContain(
            File.ReadAllLines(file).Where(line => !line.TrimStart().StartsWith('#')),
            line => line.Contains("secret", StringComparison.OrdinalIgnoreCase)));

        // Both lists name the same secrets and keys, so neither can drift from the other.
        Assert.Equal(
            SecretCatalogue.Required().Order(),
            SecretCatalogue.Example().Order());
    }

    /// <summary>The pod names (app.kubernetes.io/name) a policy's ingress sources or egress destinations select.</summary>
    private static List<string?> PeerNames(YamlNode policy, string direction, string peers) =>
        [.. policy.At("spec", direction).Items().SelectMany(rule => rule.Child(peers).Items())
            .Select(peer => peer.At("podSelector", "matchLabels", "app.kubernetes.io/name").Text())];

    private static bool RunsAsNonRoot(YamlNode? pod, YamlNode container) =>
        (container.At("securityContext", "runAsNonRoot").Text() ?? pod.At("securityContext", "runAsNonRoot").Text()) == "true";

    private static void Expect(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
