using MongoDB.Driver;
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
    }

    public IOutboxSource Outbox => _assessments;

    public Task<Assessment?> FindAsync(Guid referralId, CancellationToken cancellationToken) =>
        _assessments.FindAsync(Assessment.IdOf(referralId), cancellationToken);

    public Task<bool> TryAddAsync(Assessment assessment, CancellationToken cancellationToken) =>
        _assessments.TryInsertAsync(assessment, cancellationToken);
}
