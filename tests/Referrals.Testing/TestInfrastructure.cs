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

    private static readonly Lazy<Task<Server>> RabbitMq = new(StartRabbitMqAsync);
    private static readonly Lazy<Task<Server>> MongoDb = new(StartMongoDbAsync);

    /// <summary>An AMQP URL of a running RabbitMQ; skips the calling test when there is none.</summary>
    public static async Task<string> RabbitMqUrlAsync() => (await RabbitMq.Value).UrlOrSkip();

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
            return Server.At(url);
        }

        try
        {
            var container = new RabbitMqBuilder("rabbitmq:3.13-management").Build();
            await container.StartAsync();
            return Server.At(container.GetConnectionString());
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

    private sealed record Server(string? Url, string? Reason)
    {
        public static Server At(string url) => new(url, null);

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
