using System.Collections.Concurrent;
using MongoDB.Driver;

namespace Referrals.Messaging.Documents;

/// <summary>One <see cref="MongoClient"/> per connection string for the life of the process, as the driver recommends.</summary>
public sealed class MongoClients : IDisposable
{
    private readonly ConcurrentDictionary<string, MongoClient> _clients = new();

    public IMongoDatabase Database(string connectionString)
    {
        var url = MongoUrl.Create(connectionString);
        var client = _clients.GetOrAdd(connectionString, _ => new MongoClient(url));
        return client.GetDatabase(url.DatabaseName
            ?? throw new InvalidOperationException("The MongoDB connection string must name the database, e.g. mongodb://host/intake."));
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
