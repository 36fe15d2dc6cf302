using DotNet.Testcontainers.Builders;
using Testcontainers.MongoDb;
using Testcontainers.RabbitMq;
using Xunit;

namespace Referrals.Testing;

/// <summary>
/// Where the real servers for integration tests come from: an explicit URL in the environment first
/// (<c>REFERRALS_TEST_RABBITMQ</c>, <c>REFERRALS_TEST_MONGODB</c>, set by <c>.ci/run</c>), otherwise a container when a
/// Docker engine answers. Without either, tests that need the server are skipped with the reason, never passed.
/// </summary>
public static class TestInfrastructure
{
    public const string RabbitMqVariable = "REFERRALS_TEST_RABBITMQ";
    public const string MongoDbVariable = "REFERRALS_TEST_MONGODB";
    public const string RabbitMqManagementVariable = "REFERRALS_TEST_RABBITMQ_MANAGEMENT";

    private static readonly Lazy<Task<Server>> RabbitMq = new(StartRabbitMqAsync);
    private static readonly Lazy<Task<Server>> MongoDb = new(StartMongoDbAsync);

    /// <summary>An AMQP URL of a running RabbitMQ; skips the calling test when there is none.</summary>
    public static async Task<string> RabbitMqUrlAsync() => (await RabbitMq.Value).UrlOrSkip();

    /// <summary>The broker's management API (with credentials), or null when there is no broker.</summary>
    public static async Task<string?> RabbitMqManagementUrlAsync() => (await RabbitMq.Value).ManagementUrl;

    /// <summary>Why there is no RabbitMQ for the tests, or null when there is one (for fixtures, which cannot skip).</summary>
    public static async Task<string?> RabbitMqMissingReasonAsync() => (await RabbitMq.Value).Reason;

    /// <summary>
    /// An AMQP URL of a virtual host made for the caller alone, so test runs and test projects running side by side never
    /// share (and steal from) each other's queues. Skips the calling test when there is no broker.
    /// </summary>
    public static async Task<string> FreshRabbitMqVirtualHostAsync(string prefix)
    {
        var server = await RabbitMq.Value;
        var amqp = new Uri(server.UrlOrSkip());
        var management = new Uri(server.ManagementUrl ?? throw new InvalidOperationException(
            $"{RabbitMqManagementVariable} must point at the broker's management API (e.g. http://guest:guest@127.0.0.1:15672)."));
        var vhost = $"{prefix}-{Guid.NewGuid():N}";
        var user = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]);

        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo)));
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", credentials);
        using var empty = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        (await http.PutAsync(new Uri($"/api/vhosts/{vhost}", UriKind.Relative), empty)).EnsureSuccessStatusCode();
        using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", System.Text.Encoding.UTF8, "application/json");
        (await http.PutAsync(new Uri($"/api/permissions/{vhost}/{Uri.EscapeDataString(user)}", UriKind.Relative), permissions)).EnsureSuccessStatusCode();

        return new UriBuilder(amqp) { Path = "/" + vhost }.Uri.ToString();
    }

    /// <summary>A MongoDB URL (without database) of a running server; skips the calling test when there is none.</summary>
    public static async Task<string> MongoDbUrlAsync() => (await MongoDb.Value).UrlOrSkip();

    /// <summary>A MongoDB connection string for a fresh database of its own.</summary>
    public static async Task<string> FreshMongoDatabaseAsync(string prefix)
    {
        var url = await MongoDbUrlAsync();
        var builder = new MongoDB.Driver.MongoUrlBuilder(url)
        {
            DatabaseName = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)],
        };
        return builder.ToString();
    }

    private static async Task<Server> StartRabbitMqAsync()
    {
        if (Environment.GetEnvironmentVariable(RabbitMqVariable) is { Length: > 0 } url)
        {
            return Server.At(url, Environment.GetEnvironmentVariable(RabbitMqManagementVariable));
        }

        try
        {
            var container = new RabbitMqBuilder("rabbitmq:3.13-management").WithPortBinding(15672, true).Build();
            await container.StartAsync();
            return Server.At(container.GetConnectionString(), $"http://guest:guest@{container.Hostname}:{container.GetMappedPublicPort(15672)}");
        }
        catch (Exception e) when (e is DockerUnavailableException or InvalidOperationException or TimeoutException)
        {
            return Server.Missing($"No RabbitMQ: {RabbitMqVariable} is not set and no Docker engine answered ({e.GetType().Name}).");
        }
    }

    private static async Task<Server> StartMongoDbAsync()
    {
        if (Environment.GetEnvironmentVariable(MongoDbVariable) is { Length: > 0 } url)
        {
            return Server.At(url);
        }

        try
        {
            var container = new MongoDbBuilder("mongo:7.0").WithReplicaSet().Build();
            await container.StartAsync();
            return Server.At(container.GetConnectionString());
        }
        catch (Exception e) when (e is DockerUnavailableException or InvalidOperationException or TimeoutException)
        {
            return Server.Missing($"No MongoDB: {MongoDbVariable} is not set and no Docker engine answered ({e.GetType().Name}).");
        }
    }

    private sealed record Server(string? Url, string? Reason, string? ManagementUrl = null)
    {
        public static Server At(string url, string? managementUrl = null) => new(url, null, managementUrl);

        public static Server Missing(string reason) => new(null, reason);

        public string UrlOrSkip()
        {
            if (Url is null)
            {
                Assert.Skip(Reason!);
            }

            return Url!;
        }
    }
}
