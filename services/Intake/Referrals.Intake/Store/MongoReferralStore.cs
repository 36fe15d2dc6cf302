using System.Runtime.CompilerServices;
using MongoDB.Driver;
using Referrals.Contracts.Intake;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Store;

/// <summary>Referrals in the <c>referrals</c> collection; its indexes are created here, at start.</summary>
public sealed class MongoReferralStore : IReferralStore
{
    private static readonly ReferralStatus[] Final = [ReferralStatus.Closed, ReferralStatus.Withdrawn, ReferralStatus.Rejected];

    private readonly MongoDocumentCollection<Referral> _referrals;

    public MongoReferralStore(IMongoDatabase database)
    {
        _referrals = new MongoDocumentCollection<Referral>(database, "referrals");
        var keys = Builders<Referral>.IndexKeys;
        _referrals.Collection.Indexes.CreateMany(
        [
            // Sparse: referrals submitted without a key have no field at all (BsonIgnoreIfNull), so they never collide.
            new CreateIndexModel<Referral>(
                keys.Ascending(r => r.IdempotencyKey),
                new CreateIndexOptions { Name = "idempotency_key", Unique = true, Sparse = true }),
            new CreateIndexModel<Referral>(
                keys.Ascending(r => r.ShortCode),
                new CreateIndexOptions { Name = "short_code", Unique = true }),
            new CreateIndexModel<Referral>(
                keys.Ascending(r => r.Municipality).Ascending(r => r.Status).Descending(r => r.SubmittedAt),
                new CreateIndexOptions { Name = "municipality_status" }),
            new CreateIndexModel<Referral>(
                keys.Ascending(r => r.Client.PersonalCodeHash).Ascending(r => r.Municipality),
                new CreateIndexOptions { Name = "personal_code_hash" }),
            new CreateIndexModel<Referral>(
                keys.Ascending(r => r.Client.ClientId).Ascending(r => r.Municipality),
                new CreateIndexOptions { Name = "client_id" }),
            new CreateIndexModel<Referral>(
                keys.Ascending(r => r.Status).Ascending(r => r.AnonymisedAt).Ascending(r => r.UpdatedAt),
                new CreateIndexOptions { Name = "retention" }),
        ]);
    }

    public IOutboxSource Outbox => _referrals;

    public Task<bool> TryInsertAsync(Referral referral, CancellationToken cancellationToken) =>
        _referrals.TryInsertAsync(referral, cancellationToken);

    public Task<Referral?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        _referrals.FindAsync(id.ToString(), cancellationToken);

    public async Task<Referral?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken) =>
        await _referrals.Collection.Find(r => r.IdempotencyKey == key).FirstOrDefaultAsync(cancellationToken);

    public Task<Referral?> UpdateAsync(Guid id, Func<Referral, bool> change, Guid? messageId, CancellationToken cancellationToken) =>
        _referrals.UpdateAsync(id.ToString(), change, messageId, cancellationToken);

    public async Task<IReadOnlyList<Referral>> ListAsync(IReadOnlyCollection<string>? municipalities, ReferralStatus? status, int limit, CancellationToken cancellationToken)
    {
        var filters = Builders<Referral>.Filter;
        var filter = filters.Empty;
        if (municipalities is not null)
        {
            filter &= filters.In(r => r.Municipality, municipalities);
        }

        if (status is { } s)
        {
            filter &= filters.Eq(r => r.Status, s);
        }

        return await Newest(filter, limit, cancellationToken);
    }

    public Task<IReadOnlyList<Referral>> FindByPersonalCodeHashAsync(string municipality, string hash, int limit, CancellationToken cancellationToken) =>
        Newest(Builders<Referral>.Filter.Where(r => r.Client.PersonalCodeHash == hash && r.Municipality == municipality), limit, cancellationToken);

    public Task<IReadOnlyList<Referral>> ListByClientAsync(string municipality, Guid clientId, int limit, CancellationToken cancellationToken) =>
        Newest(Builders<Referral>.Filter.Where(r => r.Client.ClientId == clientId && r.Municipality == municipality), limit, cancellationToken);

    public async IAsyncEnumerable<IReadOnlyList<Referral>> ReadForReportAsync(
        IReadOnlyCollection<string> municipalities,
        DateTimeOffset from,
        DateTimeOffset to,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (municipalities.Count == 0)
        {
            yield break;
        }

        // Instants are stored as strings (see ListExpiredAsync), so the window is applied here, batch by batch, on a
        // cursor over the municipalities (indexed) that brings only the fields the report reads: no personal data.
        var fields = Builders<Referral>.Projection;
        var projection = fields.Combine(
            fields.Include(r => r.Municipality),
            fields.Include(r => r.ServiceType),
            fields.Include(r => r.Status),
            fields.Include(r => r.SubmittedAt),
            fields.Include("Timeline.At"),
            fields.Include("Timeline.Status"),
            fields.Include("Placement.AcceptedAt"),
            fields.Include(r => r.Declines));
        using var cursor = await _referrals.Collection
            .Find(Builders<Referral>.Filter.In(r => r.Municipality, municipalities), new FindOptions { BatchSize = pageSize })
            .Project<Referral>(projection)
            .ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            var page = cursor.Current
                .Where(r => (r.SubmittedAt >= from && r.SubmittedAt < to) || r.Status == ReferralStatus.Waitlisted)
                .ToList();
            if (page.Count > 0)
            {
                yield return page;
            }
        }
    }

    public async Task<IReadOnlyList<Referral>> ListExpiredAsync(DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken)
    {
        var filters = Builders<Referral>.Filter;
        // UpdatedAt is stored as a fixed-format UTC string (the shared DateTimeOffset convention), so compare in memory
        // after narrowing by status and the anonymised marker.
        var candidates = await _referrals.Collection
            .Find(filters.In(r => r.Status, Final) & filters.Eq(r => r.AnonymisedAt, null))
            .ToListAsync(cancellationToken);
        return candidates.Where(r => r.UpdatedAt < updatedBefore).OrderBy(r => r.UpdatedAt).Take(limit).ToList();
    }

    private async Task<IReadOnlyList<Referral>> Newest(FilterDefinition<Referral> filter, int limit, CancellationToken cancellationToken) =>
        await _referrals.Collection.Find(filter)
            .SortByDescending(r => r.SubmittedAt)
            .ThenBy(r => r.Id)
            .Limit(limit)
            .ToListAsync(cancellationToken);
}
