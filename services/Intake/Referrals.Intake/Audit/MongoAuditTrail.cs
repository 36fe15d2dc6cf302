using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;

namespace Referrals.Intake.Audit;

/// <summary>
/// The <c>audit</c> collection: the service only ever inserts into it. (Grant the service's database user no
/// update/remove on it to make that hold against everyone else too.)
/// </summary>
public sealed class MongoAuditTrail : IAuditTrail
{
    private readonly IMongoCollection<AuditDocument> _entries;

    public MongoAuditTrail(IMongoDatabase database)
    {
        _entries = database.GetCollection<AuditDocument>("audit");
        var keys = Builders<AuditDocument>.IndexKeys;
        _entries.Indexes.CreateMany(
        [
            new CreateIndexModel<AuditDocument>(keys.Descending(e => e.At), new CreateIndexOptions { Name = "at" }),
            new CreateIndexModel<AuditDocument>(keys.Ascending(e => e.ReferralId).Descending(e => e.At), new CreateIndexOptions { Name = "referral_at" }),
            new CreateIndexModel<AuditDocument>(keys.Ascending(e => e.ActorId).Descending(e => e.At), new CreateIndexOptions { Name = "actor_at" }),
        ]);
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await _entries.InsertOneAsync(AuditDocument.From(entry), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // Already recorded (a redelivered message).
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var filters = Builders<AuditDocument>.Filter;
        var filter = filters.Empty;
        if (query.ReferralId is { } referralId)
        {
            filter &= filters.Eq(e => e.ReferralId, referralId.ToString());
        }

        if (query.ActorId is { } actorId)
        {
            filter &= filters.Eq(e => e.ActorId, actorId);
        }

        if (query.From is { } from)
        {
            filter &= filters.Gte(e => e.At, from.UtcDateTime);
        }

        if (query.To is { } to)
        {
            filter &= filters.Lt(e => e.At, to.UtcDateTime);
        }

        var found = await _entries.Find(filter).SortByDescending(e => e.At).ThenByDescending(e => e.Id).Limit(query.Limit)
            .ToListAsync(cancellationToken);
        return found.Select(d => d.ToEntry()).ToList();
    }

    /// <summary>The stored shape: ids as strings and the time as a BSON date, so filters and sorting use indexes.</summary>
    public sealed class AuditDocument
    {
        [BsonId]
        public string Id { get; set; } = "";

        [BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
        public DateTime At { get; set; }

        public string ActorId { get; set; } = "";

        public string ActorRole { get; set; } = "";

        public string Action { get; set; } = "";

        public string? ReferralId { get; set; }

        public string? ClientId { get; set; }

        public string? Detail { get; set; }

        public static AuditDocument From(AuditEntry e) => new()
        {
            Id = e.Id,
            At = e.At.UtcDateTime,
            ActorId = e.ActorId,
            ActorRole = e.ActorRole,
            Action = e.Action,
            ReferralId = e.ReferralId?.ToString(),
            ClientId = e.ClientId?.ToString(),
            Detail = e.Detail,
        };

        public AuditEntry ToEntry() => new(
            Id,
            new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)),
            ActorId,
            ActorRole,
            Action,
            ReferralId is null ? null : Guid.Parse(ReferralId),
            ClientId is null ? null : Guid.Parse(ClientId),
            Detail);
    }
}
