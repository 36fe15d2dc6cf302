using Referrals.Contracts.Eligibility;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.Eligibility.Assessments;

/// <summary>Assessments in the embedded SQLite file; outcome, time and decision deadline lifted into indexed columns.</summary>
public sealed class SqliteAssessmentStore : IAssessmentStore
{
    private const string Table = "assessments";

    private static readonly (string Name, string Type)[] AddedColumns = [("decision_due", "TEXT"), ("overdue_at", "TEXT"), ("municipality", "TEXT")];

    private readonly SqliteDocumentCollection<Assessment> _assessments;

    public SqliteAssessmentStore(SqliteDatabase database)
    {
        AddMissingColumns(database);
        _assessments = new(
            database,
            Table,
            new SqliteColumn<Assessment>("outcome", a => a.Outcome),
            new SqliteColumn<Assessment>("assessed_at", a => a.AssessedAt),
            new SqliteColumn<Assessment>("decision_due", a => a.DecisionDueOn),
            new SqliteColumn<Assessment>("overdue_at", a => a.OverdueSince),
            new SqliteColumn<Assessment>("municipality", a => a.Municipality));
    }

    public IOutboxSource Outbox => _assessments;

    public Task<Assessment?> FindAsync(Guid referralId, CancellationToken cancellationToken) =>
        _assessments.FindAsync(Assessment.IdOf(referralId), cancellationToken);

    public Task<bool> TryAddAsync(Assessment assessment, CancellationToken cancellationToken) =>
        _assessments.TryInsertAsync(assessment, cancellationToken);

    public Task<Assessment?> UpdateAsync(Guid referralId, Func<Assessment, bool> change, CancellationToken cancellationToken) =>
        _assessments.UpdateAsync(Assessment.IdOf(referralId), change, cancellationToken: cancellationToken);

    public Task<IReadOnlyList<Assessment>> FindNewlyOverdueAsync(DateOnly today, int max, CancellationToken cancellationToken) =>
        _assessments.QueryAsync(
            "outcome = @outcome AND decision_due < @today AND overdue_at IS NULL",
            [("@outcome", nameof(EligibilityOutcome.NeedsInformation)), ("@today", today.ToString("O", System.Globalization.CultureInfo.InvariantCulture))],
            orderBy: "decision_due",
            limit: max,
            cancellationToken: cancellationToken);

    public Task<IReadOnlyList<Assessment>> ListOverdueAsync(
        IReadOnlyCollection<string>? municipalities, int max, CancellationToken cancellationToken)
    {
        if (municipalities is null)
        {
            return _assessments.QueryAsync("overdue_at IS NOT NULL", orderBy: "decision_due", limit: max, cancellationToken: cancellationToken);
        }

        var names = municipalities.Select((_, i) => $"@m{i}").ToList();
        return _assessments.QueryAsync(
            names.Count == 0 ? "0" : $"overdue_at IS NOT NULL AND municipality IN ({string.Join(", ", names)})",
            municipalities.Select((code, i) => ($"@m{i}", (object?)code)),
            orderBy: "decision_due",
            limit: max,
            cancellationToken: cancellationToken);
    }

    /// <summary>A store file from before decision deadlines lacks their columns; add them so the indexes can be built.</summary>
    private static void AddMissingColumns(SqliteDatabase database)
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info({Table});";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(1));
            }
        }

        if (existing.Count == 0)
        {
            return;
        }

        foreach (var (name, type) in AddedColumns.Where(c => !existing.Contains(c.Name)))
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE {Table} ADD COLUMN {name} {type};";
            alter.ExecuteNonQuery();
        }
    }
}
