using MongoDB.Driver;
using Referrals.Contracts.Eligibility;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;

namespace Referrals.Eligibility.Assessments;

/// <summary>Assessments in MongoDB (<c>_id</c> = referral id); indexes are created when the store is built at start-up.</summary>
public sealed class MongoAssessmentStore : IAssessmentStore
{
    private readonly MongoDocumentCollection<Assessment> _assessments;

    public MongoAssessmentStore(IMongoDatabase database)
    {
        _assessments = new MongoDocumentCollection<Assessment>(database, "assessments");
        _assessments.Collection.Indexes.CreateOne(new CreateIndexModel<Assessment>(
            Builders<Assessment>.IndexKeys.Ascending(a => a.Outcome).Descending(a => a.AssessedAt),
            new CreateIndexOptions { Name = "outcome_assessedAt" }));
        _assessments.Collection.Indexes.CreateOne(new CreateIndexModel<Assessment>(
            Builders<Assessment>.IndexKeys.Ascending(a => a.Outcome).Ascending(a => a.OverdueSince).Ascending(a => a.DecisionDueOn),
            new CreateIndexOptions { Name = "outcome_overdue_due" }));
    }

    public IOutboxSource Outbox => _assessments;

    public Task<Assessment?> FindAsync(Guid referralId, CancellationToken cancellationToken) =>
        _assessments.FindAsync(Assessment.IdOf(referralId), cancellationToken);

    public Task<bool> TryAddAsync(Assessment assessment, CancellationToken cancellationToken) =>
        _assessments.TryInsertAsync(assessment, cancellationToken);

    public Task<Assessment?> UpdateAsync(Guid referralId, Func<Assessment, bool> change, CancellationToken cancellationToken) =>
        _assessments.UpdateAsync(Assessment.IdOf(referralId), change, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<Assessment>> FindNewlyOverdueAsync(DateOnly today, int max, CancellationToken cancellationToken) =>
        await _assessments.Collection
            .Find(a => a.Outcome == EligibilityOutcome.NeedsInformation && a.OverdueSince == null && a.DecisionDueOn != null && a.DecisionDueOn < today)
            .SortBy(a => a.DecisionDueOn)
            .Limit(max)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Assessment>> ListOverdueAsync(
        IReadOnlyCollection<string>? municipalities, int max, CancellationToken cancellationToken) =>
        await _assessments.Collection
            .Find(municipalities is null
                ? Builders<Assessment>.Filter.Ne(a => a.OverdueSince, null)
                : Builders<Assessment>.Filter.Ne(a => a.OverdueSince, null) & Builders<Assessment>.Filter.In(a => a.Municipality, municipalities))
            .SortBy(a => a.DecisionDueOn)
            .Limit(max)
            .ToListAsync(cancellationToken);
}
