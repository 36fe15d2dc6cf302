using Referrals.Contracts.Intake;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Store;

/// <summary>Referrals as JSON rows in the service's SQLite file, with the columns the queries need lifted out.</summary>
public sealed class SqliteReferralStore : IReferralStore
{
    private readonly SqliteDocumentCollection<Referral> _referrals;

    public SqliteReferralStore(SqliteDatabase database)
    {
        _referrals = new SqliteDocumentCollection<Referral>(
            database,
            "referrals",
            new SqliteColumn<Referral>("short_code", r => r.ShortCode, Unique: true),
            new SqliteColumn<Referral>("idempotency_key", r => r.IdempotencyKey, Unique: true),
            new SqliteColumn<Referral>("municipality", r => r.Municipality),
            new SqliteColumn<Referral>("status", r => r.Status),
            new SqliteColumn<Referral>("submitted_at", r => r.SubmittedAt));
    }

    public IOutboxSource Outbox => _referrals;

    public Task<bool> TryInsertAsync(Referral referral, CancellationToken cancellationToken) =>
        _referrals.TryInsertAsync(referral, cancellationToken);

    public Task<Referral?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        _referrals.FindAsync(id.ToString(), cancellationToken);

    public async Task<Referral?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken)
    {
        var found = await _referrals.QueryAsync("idempotency_key = $key", [("$key", key)], limit: 1, cancellationToken: cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<Referral?> UpdateAsync(Guid id, Func<Referral, bool> change, Guid? messageId, CancellationToken cancellationToken) =>
        _referrals.UpdateAsync(id.ToString(), change, messageId, cancellationToken);

    public Task<IReadOnlyList<Referral>> ListAsync(string? municipality, ReferralStatus? status, int limit, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (municipality is not null)
        {
            conditions.Add("municipality = $municipality");
            parameters.Add(("$municipality", municipality));
        }

        if (status is { } s)
        {
            conditions.Add("status = $status");
            parameters.Add(("$status", s.ToString()));
        }

        return _referrals.QueryAsync(
            conditions.Count == 0 ? null : string.Join(" AND ", conditions),
            parameters,
            orderBy: "submitted_at DESC, id",
            limit: limit,
            cancellationToken: cancellationToken);
    }
}
