using System.Globalization;
using Microsoft.Data.Sqlite;
using Referrals.Messaging.Documents;

namespace Referrals.Intake.Audit;

/// <summary>The <c>audit</c> table of the intake database; triggers refuse every UPDATE and DELETE, so rows can only be added.</summary>
public sealed class SqliteAuditTrail : IAuditTrail
{
    public const string Table = "audit";

    private readonly SqliteDatabase _database;

    public SqliteAuditTrail(SqliteDatabase database)
    {
        _database = database;
        using var connection = _database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS audit (
                id TEXT PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT NOT NULL, actor_role TEXT NOT NULL,
                action TEXT NOT NULL, referral_id TEXT, client_id TEXT, detail TEXT);
            CREATE INDEX IF NOT EXISTS ix_audit_at ON audit(at);
            CREATE INDEX IF NOT EXISTS ix_audit_referral ON audit(referral_id, at);
            CREATE INDEX IF NOT EXISTS ix_audit_actor ON audit(actor_id, at);
            CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            """;
        command.ExecuteNonQuery();
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        _database.WriteAsync(command =>
        {
            command.CommandText = """
                INSERT INTO audit (id, at, actor_id, actor_role, action, referral_id, client_id, detail)
                VALUES ($id, $at, $actorId, $actorRole, $action, $referralId, $clientId, $detail)
                ON CONFLICT(id) DO NOTHING
                """;
            command.Parameters.AddWithValue("$id", entry.Id);
            command.Parameters.AddWithValue("$at", Time(entry.At));
            command.Parameters.AddWithValue("$actorId", entry.ActorId);
            command.Parameters.AddWithValue("$actorRole", entry.ActorRole);
            command.Parameters.AddWithValue("$action", entry.Action);
            command.Parameters.AddWithValue("$referralId", (object?)entry.ReferralId?.ToString() ?? DBNull.Value);
            command.Parameters.AddWithValue("$clientId", (object?)entry.ClientId?.ToString() ?? DBNull.Value);
            command.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var conditions = new List<string>();
        Filter(command, conditions, "referral_id = $referralId", "$referralId", query.ReferralId?.ToString());
        Filter(command, conditions, "actor_id = $actorId", "$actorId", query.ActorId);
        Filter(command, conditions, "at >= $from", "$from", query.From is { } from ? Time(from) : null);
        Filter(command, conditions, "at < $to", "$to", query.To is { } to ? Time(to) : null);
        command.CommandText = "SELECT id, at, actor_id, actor_role, action, referral_id, client_id, detail FROM audit"
            + (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions))
            + " ORDER BY at DESC, rowid DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", query.Limit);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetString(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : Guid.Parse(reader.GetString(5)),
                reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return entries;
    }

    private static void Filter(SqliteCommand command, List<string> conditions, string condition, string name, string? value)
    {
        if (value is not null)
        {
            conditions.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }
    }

    /// <summary>Fixed-width UTC ISO 8601, so text order is time order.</summary>
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
