using MongoDB.Driver;
using Referrals.Messaging.Documents;

namespace Referrals.Eligibility.RuleSets;

/// <summary>Rule-set versions in MongoDB (<c>_id</c> = version number as text, unique index on the number).</summary>
public sealed class MongoRuleSetStore : IRuleSetStore
{
    private readonly MongoDocumentCollection<StoredRuleSet> _ruleSets;

    public MongoRuleSetStore(IMongoDatabase database)
    {
        _ruleSets = new MongoDocumentCollection<StoredRuleSet>(database, "rulesets");
        _ruleSets.Collection.Indexes.CreateOne(new CreateIndexModel<StoredRuleSet>(
            Builders<StoredRuleSet>.IndexKeys.Descending(r => r.Number),
            new CreateIndexOptions { Name = "number", Unique = true }));
    }

    public Task<StoredRuleSet?> FindAsync(int number, CancellationToken cancellationToken) =>
        _ruleSets.FindAsync(StoredRuleSet.IdOf(number), cancellationToken);

    public async Task<StoredRuleSet?> LatestAsync(CancellationToken cancellationToken) =>
        await _ruleSets.Collection.Find(FilterDefinition<StoredRuleSet>.Empty)
            .SortByDescending(r => r.Number).Limit(1).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<StoredRuleSet>> ListAsync(CancellationToken cancellationToken) =>
        await _ruleSets.Collection.Find(FilterDefinition<StoredRuleSet>.Empty)
            .SortBy(r => r.Number).ToListAsync(cancellationToken);

    public Task<bool> TryAddAsync(StoredRuleSet ruleSet, CancellationToken cancellationToken) =>
        _ruleSets.TryInsertAsync(ruleSet, cancellationToken);
}
