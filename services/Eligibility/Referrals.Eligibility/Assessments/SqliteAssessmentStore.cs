using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.Eligibility.Assessments;

/// <summary>Assessments in the embedded SQLite file; outcome and time lifted into indexed columns for reporting queries.</summary>
public sealed class SqliteAssessmentStore(SqliteDatabase database) : IAssessmentStore
{
    private readonly SqliteDocumentCollection<Assessment> _assessments = new(
        database,
        "assessments",
        new SqliteColumn<Assessment>("outcome", a => a.Outcome),
        new SqliteColumn<Assessment>("assessed_at", a => a.AssessedAt));

    public IOutboxSource Outbox => _assessments;

    public Task<Assessment?> FindAsync(Guid referralId, CancellationToken cancellationToken) =>
        _assessments.FindAsync(Assessment.IdOf(referralId), cancellationToken);

    public Task<bool> TryAddAsync(Assessment assessment, CancellationToken cancellationToken) =>
        _assessments.TryInsertAsync(assessment, cancellationToken);
}
