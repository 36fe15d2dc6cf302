using Referrals.Messaging.Documents;

namespace Referrals.Eligibility.RuleSets;

/// <summary>Rule-set versions in the embedded SQLite file; the version number is a unique indexed column.</summary>
public sealed class SqliteRuleSetStore(SqliteDatabase database) : IRuleSetStore
{
    private readonly SqliteDocumentCollection<StoredRuleSet> _ruleSets = new(
        database,
        "rulesets",
        new SqliteColumn<StoredRuleSet>("number", r => r.Number, Unique: true));

    public Task<StoredRuleSet?> FindAsync(int number, CancellationToken cancellationToken) =>
        _ruleSets.FindAsync(StoredRuleSet.IdOf(number), cancellationToken);

    public async Task<StoredRuleSet?> LatestAsync(CancellationToken cancellationToken)
    {
        var latest = await _ruleSets.QueryAsync(null, orderBy: "number DESC", limit: 1, cancellationToken: cancellationToken);
        return latest.Count == 0 ? null : latest[0];
    }

    public Task<IReadOnlyList<StoredRuleSet>> ListAsync(CancellationToken cancellationToken) =>
        _ruleSets.QueryAsync(null, orderBy: "number", cancellationToken: cancellationToken);

    public Task<bool> TryAddAsync(StoredRuleSet ruleSet, CancellationToken cancellationToken) =>
        _ruleSets.TryInsertAsync(ruleSet, cancellationToken);
}
