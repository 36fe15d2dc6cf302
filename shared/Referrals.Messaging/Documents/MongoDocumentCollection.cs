using MongoDB.Driver;
using Referrals.Messaging.Outbox;

namespace Referrals.Messaging.Documents;

/// <summary>
/// Documents in a MongoDB collection, <c>_id</c> = <see cref="OutboxDocument.Id"/>. Writes are <c>ReplaceOne</c>
/// filtered on id and version, so a stale write matches nothing and never wins.
/// </summary>
public sealed class MongoDocumentCollection<T> : IDocumentCollection<T>
    where T : OutboxDocument
{
    public MongoDocumentCollection(IMongoDatabase database, string name)
    {
        MongoMapping.EnsureRegistered();
        Collection = database.GetCollection<T>(name);
        Collection.Indexes.CreateOne(new CreateIndexModel<T>(
            Builders<T>.IndexKeys.Ascending("Outbox.0.CreatedAt"),
            new CreateIndexOptions<T> { Name = "pending", Sparse = true }));
    }

    public string Name => Collection.CollectionNamespace.CollectionName;

    /// <summary>For the owning service's adapter: its own queries and indexes.</summary>
    public IMongoCollection<T> Collection { get; }

    public async Task<T?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        await Collection.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> TryInsertAsync(T document, CancellationToken cancellationToken = default)
    {
        document.Version = 1;
        try
        {
            await Collection.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            document.Version = 0;
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(T document, CancellationToken cancellationToken = default)
    {
        var expected = document.Version;
        document.Version = expected + 1;
        var result = await Collection.ReplaceOneAsync(
            d => d.Id == document.Id && d.Version == expected,
            document,
            cancellationToken: cancellationToken);
        if (result.ModifiedCount == 1)
        {
            return true;
        }

        document.Version = expected;
        return false;
    }

    public async Task<IReadOnlyList<PendingEvents>> FindPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        var filter = Builders<T>.Filter.SizeGt(d => d.Outbox, 0);
        var documents = await Collection.Find(filter).Limit(max).ToListAsync(cancellationToken);
        return documents.Select(d => new PendingEvents(d.Id, d.Outbox)).ToList();
    }

    public async Task RemovePublishedAsync(string documentId, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default)
    {
        var update = Builders<T>.Update
            .PullFilter(d => d.Outbox, e => messageIds.Contains(e.MessageId))
            .Inc(d => d.Version, 1);
        await Collection.UpdateOneAsync(
            d => d.Id == documentId && d.Outbox.Any(e => messageIds.Contains(e.MessageId)),
            update,
            cancellationToken: cancellationToken);
    }
}
