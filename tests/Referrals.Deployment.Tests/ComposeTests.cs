using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Referrals.Deployment.Tests;

/// <summary>docker-compose.yml: accepted by docker-compose, healthy start order, secrets only from .env.</summary>
public sealed partial class ComposeTests
{
    private static readonly YamlMappingNode Compose = Yaml.LoadDocuments(Repository.Read("docker-compose.yml")).Single();

    private static IEnumerable<KeyValuePair<string, YamlNode>> Services => Compose.Child("services").Entries();

    [Theory]
    [InlineData("")]
    [InlineData("observability")]
    public void Docker_compose_config_accepts_the_file(string profile)
    {
        var compose = Tool.FindOrSkip("docker-compose", "apt-get install docker-compose");
        string[] arguments = ["--env-file", ".env.example", "-f", "docker-compose.yml"];
        if (profile.Length > 0)
        {
            arguments = [.. arguments, "--profile", profile];
        }

        var result = Tool.Run(compose, [.. arguments, "config"]);

        Assert.True(result.ExitCode == 0, $"docker-compose config failed:\n{result.Error}");
        var services = Yaml.LoadDocuments(result.Output).Single().Child("services");
        Assert.Superset(
            new HashSet<string> { "rabbitmq", "mongodb", "kannel-bearerbox", "kannel-smsbox", "intake", "eligibility", "providerdirectory", "notification", "gateway", "portal" },
            services.Keys().ToHashSet());

        // docker-compose 1.29 prints profiled services too; what matters is that only the observability pair is optional.
        var optional = services.Entries().Where(service => service.Value.Child("profiles").Items().Any()).ToList();
        Assert.Equal(["jaeger", "otel-collector"], optional.Select(service => service.Key).Order(StringComparer.Ordinal));
        Assert.All(optional, service => Assert.Equal(["observability"], service.Value.Child("profiles").Items().Select(item => item.Text())));
    }

    [Fact]
    public void Docker_compose_refuses_to_start_without_the_secrets()
    {
        var compose = Tool.FindOrSkip("docker-compose", "apt-get install docker-compose");
        var emptyEnv = Path.Combine(Path.GetTempPath(), $"referrals-empty-{Guid.NewGuid():N}.env");
        File.WriteAllText(emptyEnv, string.Empty);
        try
        {
            var result = Tool.Run(compose, ["--env-file", emptyEnv, "-f", "docker-compose.yml", "config"]);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("in .env", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(emptyEnv);
        }
    }

    [Fact]
    public void Every_service_has_a_health_check()
    {
        Assert.NotEmpty(Services);
        Assert.All(Services, service =>
        {
            var healthcheck = service.Value.Child("healthcheck");
            Assert.True(healthcheck is not null, $"{service.Key} has no healthcheck");
            Assert.NotEqual("true", healthcheck.Child("disable").Text());
            Assert.NotEmpty(healthcheck.Child("test").Items());
        });
    }

    [Fact]
    public void Every_dependency_waits_until_the_other_service_is_healthy()
    {
        var names = Services.Select(service => service.Key).ToHashSet();
        var dependencies = Services
            .SelectMany(service => service.Value.Child("depends_on").Entries().Select(dependency => (service.Key, Dependency: dependency)))
            .ToList();

        Assert.NotEmpty(dependencies);
        Assert.All(Services, service => Assert.Empty(service.Value.Child("depends_on").Items()));
        Assert.All(dependencies, item =>
        {
            Assert.Contains(item.Dependency.Key, names);
            Assert.True(item.Dependency.Value.Child("condition").Text() == "service_healthy",
                $"{item.Key} depends on {item.Dependency.Key} without condition: service_healthy");
        });
        Assert.Equal(["eligibility", "intake", "notification", "providerdirectory"],
            Services.Single(service => service.Key == "gateway").Value.Child("depends_on").Keys().Order(StringComparer.Ordinal));
        Assert.Equal(["gateway"], Services.Single(service => service.Key == "portal").Value.Child("depends_on").Keys());
    }

    [Fact]
    public void The_start_order_has_no_cycle()
    {
        var dependsOn = Services.ToDictionary(service => service.Key, service => service.Value.Child("depends_on").Keys().ToList());
        var done = new HashSet<string>();
        var visiting = new HashSet<string>();
        void Visit(string name, string path)
        {
            Assert.True(visiting.Add(name), $"depends_on cycle: {path}");
            foreach (var next in dependsOn.GetValueOrDefault(name, []).Where(next => !done.Contains(next)))
            {
                Visit(next, $"{path} -> {next}");
            }

            visiting.Remove(name);
            done.Add(name);
        }

        foreach (var name in dependsOn.Keys.Where(name => !done.Contains(name)))
        {
            Visit(name, name);
        }

        Assert.Equal(dependsOn.Count, done.Count);
    }

    [Fact]
    public void The_portal_is_reached_through_the_gateway_calls_it_back_and_keeps_its_key_ring_on_a_volume()
    {
        var portal = Services.Single(service => service.Key == "portal").Value;
        var environment = portal.Child("environment");
        var gateway = Services.Single(service => service.Key == "gateway").Value;

        Assert.Equal("http://portal:8080", gateway.At("environment", "ReverseProxy__Clusters__portal__Destinations__primary__Address").Text());
        Assert.Equal("http://gateway:8080", environment.Child("Portal__ApiBaseUrl").Text());
        Assert.Empty(portal.Child("ports").Items());
        Assert.Equal("true", portal.Child("read_only").Text());

        // No store and no broker: no connection string, no RabbitMQ password.
        Assert.DoesNotContain(environment.Keys(), key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || key.StartsWith("Messaging__", StringComparison.Ordinal));
        Assert.Equal(["Identity__Audience", "Identity__Authority", "Identity__Mode"],
            environment.Keys().Where(key => key.StartsWith("Identity__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        // A read-only container: the keys survive a restart only on a named volume mounted at the configured path.
        var keysPath = environment.Child("Portal__DataProtectionKeysPath").Text();
        Assert.False(string.IsNullOrEmpty(keysPath));
        var volume = Assert.Single(portal.Child("volumes").Items(), item => item.Text()?.EndsWith($":{keysPath}", StringComparison.Ordinal) == true).Text()!;
        Assert.Contains(volume.Split(':')[0], Compose.Child("volumes").Keys());
    }

    [Fact]
    public void Every_variable_is_documented_in_the_env_example_and_every_documented_one_is_used()
    {
        var withoutComments = string.Join('\n', File.ReadAllLines(Repository.PathOf("docker-compose.yml")).Where(line => !line.TrimStart().StartsWith('#')));
        var used = VariablePattern().Matches(withoutComments).Select(match => match.Groups[1].Value).ToHashSet();
        var documented = File.ReadAllLines(Repository.PathOf(".env.example"))
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToHashSet();

        Assert.Empty(used.Except(documented));
        Assert.Empty(documented.Except(used));
    }

    [Fact]
    public void No_secret_is_written_into_the_compose_file()
    {
        var environment = Services.SelectMany(service => service.Value.Child("environment").Entries()
            .Select(variable => (Service: service.Key, Name: variable.Key, Value: variable.Value.Text() ?? string.Empty)));
        var secrets = environment.Where(variable =>
            variable.Name.Contains("PASS", StringComparison.OrdinalIgnoreCase)
            || variable.Name.Contains("Secret", StringComparison.OrdinalIgnoreCase)
            || variable.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, secret => Assert.True(secret.Value.Contains("${", StringComparison.Ordinal),
            $"{secret.Service}: {secret.Name} must come from .env, not be written in docker-compose.yml"));
    }

    [Fact]
    public void The_env_example_holds_placeholders_only()
    {
        var secrets = File.ReadAllLines(Repository.PathOf(".env.example"))
            .Where(line => !line.StartsWith('#') && line.Contains("PASSWORD=", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, line => Assert.Contains("=change-me", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_service_gets_only_its_own_database_and_user()
    {
        foreach (var (service, store) in new[]
                 {
                     ("intake", "IntakeStore"), ("eligibility", "EligibilityStore"),
                     ("providerdirectory", "ProviderDirectoryStore"), ("notification", "NotificationStore"),
                 })
        {
            var environment = Services.Single(item => item.Key == service).Value.Child("environment");
            var stores = environment.Keys().Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && key.EndsWith("Store", StringComparison.Ordinal));
            Assert.Equal([$"ConnectionStrings__{store}"], stores);
            Assert.Matches($"^mongodb://{service}:\\$\\{{[A-Z_]+:\\?[^}}]*\\}}@mongodb:27017/{service}\\?authSource={service}$",
                environment.Child($"ConnectionStrings__{store}").Text());
            Assert.Equal("RabbitMq", environment.Child("Messaging__Transport").Text());
            Assert.StartsWith("amqp://", environment.Child("ConnectionStrings__RabbitMq").Text(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_image_has_a_tag_other_than_latest()
    {
        Assert.All(Services, service =>
        {
            var image = service.Value.Child("image").Text() ?? string.Empty;
            Assert.True(ImageReference.IsPinned(image), $"{service.Key}: image '{image}' needs a tag other than latest");
        });
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariablePattern();
}
