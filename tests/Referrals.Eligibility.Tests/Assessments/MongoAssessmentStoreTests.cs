using Referrals.Eligibility.Assessments;
using Referrals.Messaging.Documents;
using Referrals.Testing;

namespace Referrals.Eligibility.Tests.Assessments;

/// <summary>Skipped, with the reason, where no MongoDB is reachable.</summary>
public sealed class MongoAssessmentStoreTests : AssessmentStoreContract, IDisposable
{
    private readonly MongoClients _clients = new();

    protected override async Task<IAssessmentStore> CreateStoreAsync()
    {
        var connectionString = await TestInfrastructure.FreshMongoDatabaseAsync("eligibility");
        return new MongoAssessmentStore(_clients.Database(connectionString));
    }

    public void Dispose() => _clients.Dispose();
}
