using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Referrals.Deployment.Tests;

/// <summary>One multi-stage Dockerfile per deployable: pinned images, restore caching, non-root, health check, no secrets.</summary>
public sealed partial class DockerfileTests
{
    private static readonly (string Dockerfile, string Project)[] All =
    [
        ("services/Intake/Dockerfile", "services/Intake/Referrals.Intake/Referrals.Intake.csproj"),
        ("services/Eligibility/Dockerfile", "services/Eligibility/Referrals.Eligibility/Referrals.Eligibility.csproj"),
        ("services/ProviderDirectory/Dockerfile", "services/ProviderDirectory/Referrals.ProviderDirectory/Referrals.ProviderDirectory.csproj"),
        ("services/Notification/Dockerfile", "services/Notification/Referrals.Notification/Referrals.Notification.csproj"),
        ("gateway/Referrals.Gateway/Dockerfile", "gateway/Referrals.Gateway/Referrals.Gateway.csproj"),
        ("services/Portal/Dockerfile", "services/Portal/Referrals.Portal/Referrals.Portal.csproj"),
    ];

    public static TheoryData<string, string> Deployables()
    {
        var rows = new TheoryData<string, string>();
        foreach (var (dockerfile, project) in All)
        {
            rows.Add(dockerfile, project);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_image_with_pinned_tags(string dockerfile, string project)
    {
        var text = Repository.Read(dockerfile);
        var arguments = ArgumentPattern().Matches(text).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
        var images = FromPattern().Matches(text)
            .Select(match => ArgumentUse().Replace(match.Groups[1].Value, use => arguments.GetValueOrDefault(use.Groups[1].Value, string.Empty)))
            .ToList();

        Assert.Equal(2, images.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", images[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", images[1], StringComparison.Ordinal);
        Assert.All(images, image => Assert.True(ImageReference.IsPinned(image), $"{dockerfile}: {image} is not pinned"));
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{Path.GetFileNameWithoutExtension(project)}.dll\"]", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Runs_as_the_non_root_app_user_with_a_health_check_on_port_8080(string dockerfile, string project)
    {
        var runtimeStage = Repository.Read(dockerfile).Split("FROM ", StringSplitOptions.None)[^1];

        Assert.Contains("USER $APP_UID", runtimeStage, StringComparison.Ordinal);
        Assert.Matches(@"HEALTHCHECK [^\n]*\\\n\s+CMD [^\n]*/dev/tcp/127\.0\.0\.1/8080[^\n]*GET /health/live", runtimeStage);
        Assert.Contains("Urls=http://+:8080", runtimeStage, StringComparison.Ordinal);
        Assert.True(File.Exists(Repository.PathOf(project)), $"{project} does not exist");
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Copies_every_project_it_restores_before_the_restore_layer(string dockerfile, string project)
    {
        var text = Repository.Read(dockerfile);
        var restore = text.IndexOf("RUN dotnet restore", StringComparison.Ordinal);
        Assert.True(restore > 0, $"{dockerfile} has no separate restore layer");
        var restoreLayer = text[..restore];

        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(file, restoreLayer, StringComparison.Ordinal);
        }

        Assert.All(ProjectClosure(project), required =>
            Assert.True(restoreLayer.Contains($"COPY {required} ", StringComparison.Ordinal), $"{dockerfile} must COPY {required} before restoring"));
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Bakes_no_secret_into_the_image(string dockerfile, string project)
    {
        var settings = Repository.Read(dockerfile).Split('\n')
            .Where(line => line.StartsWith("ENV ", StringComparison.Ordinal) || line.StartsWith("ARG ", StringComparison.Ordinal) || line.StartsWith("    ", StringComparison.Ordinal));

        Assert.All(settings, line => Assert.DoesNotMatch("(?i)password|secret|token|ConnectionStrings|mongodb://|amqp://", line));
        Assert.Contains(project.Split('/')[0], dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_builds_every_deployable_from_its_dockerfile_and_nothing_else()
    {
        var compose = Yaml.LoadDocuments(Repository.Read("docker-compose.yml")).Single();
        var built = compose.Child("services").Entries()
            .Select(service => service.Value.At("build", "dockerfile").Text())
            .OfType<string>()
            .Order(StringComparer.Ordinal);

        Assert.Equal(All.Select(deployable => deployable.Dockerfile).Order(StringComparer.Ordinal), built);
    }

    [Fact]
    public void The_portal_image_publishes_its_pages_and_embedded_assets()
    {
        var dockerfile = Repository.Read("services", "Portal", "Dockerfile");
        var publish = dockerfile.IndexOf("RUN dotnet publish", StringComparison.Ordinal);
        Assert.True(publish > 0, "the portal Dockerfile does not publish");
        var copied = CopyPattern().Matches(dockerfile[..publish]).Select(match => match.Groups[1].Value).ToList();

        // The pages are compiled into the assembly and the assets embedded in it, so both must be in the build context.
        var project = Repository.PathOf("services", "Portal", "Referrals.Portal");
        var needed = Directory.GetFiles(project, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(project, "Assets")))
            .Select(file => Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'))
            .ToList();
        Assert.NotEmpty(needed);
        Assert.All(needed, file => Assert.True(copied.Exists(source => source.EndsWith('/') && file.StartsWith(source, StringComparison.Ordinal)),
            $"{file} is not copied before dotnet publish"));

        var embedded = XDocument.Load(Path.Combine(project, "Referrals.Portal.csproj")).Descendants("EmbeddedResource")
            .Select(item => item.Attribute("Include")!.Value.Replace('\\', '/')).ToList();
        Assert.All(Directory.GetFiles(Path.Combine(project, "Assets")), asset =>
            Assert.Contains($"Assets/{Path.GetFileName(asset)}", embedded));

        var ignored = File.ReadAllLines(Repository.PathOf(".dockerignore")).Where(line => !line.StartsWith('#')).ToList();
        Assert.DoesNotContain(ignored, line => line.Contains("cshtml", StringComparison.OrdinalIgnoreCase)
                                               || line.Contains("Assets", StringComparison.OrdinalIgnoreCase)
                                               || line.Contains("Pages", StringComparison.OrdinalIgnoreCase)
                                               || line.Contains("services/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_docker_ignore_keeps_build_output_and_local_secrets_out_of_the_context()
    {
        var ignored = File.ReadAllLines(Repository.PathOf(".dockerignore"));

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".env", ignored);
        Assert.DoesNotContain("shared/", ignored);
    }

    [Fact]
    public void The_kannel_image_is_pinned_runs_as_a_numeric_non_root_user_and_renders_every_template_variable()
    {
        var dockerfile = Repository.Read("deploy", "kannel", "Dockerfile");
        Assert.True(ImageReference.IsPinned(FromPattern().Match(dockerfile).Groups[1].Value), "the Kannel base image must have a tag");
        Assert.Matches(@"(?m)^USER [1-9][0-9]+$", dockerfile);

        var substituted = TemplateVariable().Matches(Repository.Read("deploy", "kannel", "entrypoint.sh").Split("envsubst")[1].Split('\n')[0])
            .Select(match => match.Groups[1].Value).ToHashSet();
        var used = TemplateVariable().Matches(Repository.Read("deploy", "kannel", "kannel.conf.template"))
            .Select(match => match.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Subset(substituted, used);
    }

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    private static IReadOnlyList<string> ProjectClosure(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(Repository.PathOf(current))!;
            foreach (var reference in XDocument.Load(Repository.PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repository.Root, full).Replace('\\', '/'));
            }
        }

        return [.. found];
    }

    [GeneratedRegex(@"^ARG (\w+)=(\S+)", RegexOptions.Multiline)]
    private static partial Regex ArgumentPattern();

    [GeneratedRegex(@"^COPY (?!--)(\S+) ", RegexOptions.Multiline)]
    private static partial Regex CopyPattern();

    [GeneratedRegex(@"^FROM (\S+)", RegexOptions.Multiline)]
    private static partial Regex FromPattern();

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex ArgumentUse();

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex TemplateVariable();
}
