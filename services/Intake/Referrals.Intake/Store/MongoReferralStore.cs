using MongoDB.Driver;
using Referrals.Contracts.Intake;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Store;

/// <summary>Referrals in the <c>referrals</c> collection; its indexes are created here, at start.</summary>
public sealed class MongoReferralStore : IReferralStore
{
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

    public async Task<IReadOnlyList<Referral>> ListAsync(string? municipality, ReferralStatus? status, int limit, CancellationToken cancellationToken)
    {
        var filters = Builders<Referral>.Filter;
        var filter = filters.Empty;
        if (municipality is not null)
        {
            filter &= filters.Eq(r => r.Municipality, municipality);
        }

        if (status is { } s)
        {
            filter &= filters.Eq(r => r.Status, s);
        }

        return await _referrals.Collection.Find(filter)
            .SortByDescending(r => r.SubmittedAt)
            .ThenBy(r => r.Id)
            .Limit(limit)
            .ToListAsync(cancellationToken);
    }
}
