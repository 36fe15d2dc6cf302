using System.Globalization;
using System.Runtime.CompilerServices;
using Referrals.Contracts.Intake;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Store;

/// <summary>Referrals as JSON rows in the service's SQLite file, with the columns the queries need lifted out.</summary>
public sealed class SqliteReferralStore : IReferralStore
{
    private const string Table = "referrals";

    private static readonly SqliteColumn<Referral>[] Columns =
    [
        new("short_code", r => r.ShortCode, Unique: true),
        new("idempotency_key", r => r.IdempotencyKey, Unique: true),
        new("municipality", r => r.Municipality),
        new("status", r => r.Status),
        new("submitted_at", r => r.SubmittedAt),
        new("updated_at", r => r.UpdatedAt),
        new("personal_code_hash", r => r.Client.PersonalCodeHash),
        new("client_id", r => r.Client.ClientId.ToString()),
        new("anonymised", r => r.AnonymisedAt is not null),
    ];

    private readonly SqliteDocumentCollection<Referral> _referrals;

    public SqliteReferralStore(SqliteDatabase database)
    {
        AddMissingColumns(database);
        _referrals = new SqliteDocumentCollection<Referral>(database, Table, Columns);
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

    public Task<IReadOnlyList<Referral>> ListAsync(IReadOnlyCollection<string>? municipalities, ReferralStatus? status, int limit, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (municipalities is not null)
        {
            var names = municipalities.Select((m, i) => (Name: "$m" + i.ToString(CultureInfo.InvariantCulture), Value: m)).ToList();
            conditions.Add(names.Count == 0 ? "0" : $"municipality IN ({string.Join(", ", names.Select(n => n.Name))})");
            parameters.AddRange(names.Select(n => (n.Name, (object?)n.Value)));
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

    public Task<IReadOnlyList<Referral>> FindByPersonalCodeHashAsync(string municipality, string hash, int limit, CancellationToken cancellationToken) =>
        _referrals.QueryAsync(
            "personal_code_hash = $hash AND municipality = $municipality",
            [("$hash", hash), ("$municipality", municipality)],
            orderBy: "submitted_at DESC, id",
            limit: limit,
            cancellationToken: cancellationToken);

    public Task<IReadOnlyList<Referral>> ListByClientAsync(string municipality, Guid clientId, int limit, CancellationToken cancellationToken) =>
        _referrals.QueryAsync(
            "client_id = $client AND municipality = $municipality",
            [("$client", clientId.ToString()), ("$municipality", municipality)],
            orderBy: "submitted_at DESC, id",
            limit: limit,
            cancellationToken: cancellationToken);

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

        var names = municipalities.Select((m, i) => (Name: "$m" + i.ToString(CultureInfo.InvariantCulture), Value: m)).ToList();
        var where = $"municipality IN ({string.Join(", ", names.Select(n => n.Name))})"
            + " AND ((submitted_at >= $from AND submitted_at < $to) OR status = 'Waitlisted')"
            + " AND (submitted_at > $afterAt OR (submitted_at = $afterAt AND id > $afterId))";
        // Keyset paging on (submitted_at, id): each page is one short query, whatever was written in between.
        var afterAt = "";
        var afterId = "";
        while (true)
        {
            var parameters = names.Select(n => (n.Name, (object?)n.Value)).ToList();
            parameters.Add(("$from", Utc(from)));
            parameters.Add(("$to", Utc(to)));
            parameters.Add(("$afterAt", afterAt));
            parameters.Add(("$afterId", afterId));
            var page = await _referrals.QueryAsync(where, parameters, orderBy: "submitted_at, id", limit: pageSize, cancellationToken: cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            if (page.Count < pageSize)
            {
                yield break;
            }

            afterAt = Utc(page[^1].SubmittedAt);
            afterId = page[^1].Id;
        }
    }

    public Task<IReadOnlyList<Referral>> ListExpiredAsync(DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        _referrals.QueryAsync(
            "status IN ('Closed', 'Withdrawn', 'Rejected') AND anonymised = 0 AND updated_at < $before",
            [("$before", updatedBefore.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))],
            orderBy: "updated_at, id",
            limit: limit,
            cancellationToken: cancellationToken);

    /// <summary>How the collection stores instants (see <c>SqliteDocumentCollection</c>), so they compare as text.</summary>
    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A database from before a column existed gets it (empty) before the collection indexes it.</summary>
    private static void AddMissingColumns(SqliteDatabase database)
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name FROM pragma_table_info('{Table}')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        if (existing.Count == 0)
        {
            return;
        }

        foreach (var column in Columns.Where(c => !existing.Contains(c.Name)))
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE {Table} ADD COLUMN {column.Name}"
                + (column.Name == "anonymised" ? " INTEGER NOT NULL DEFAULT 0" : "");
            alter.ExecuteNonQuery();
        }
    }
}
