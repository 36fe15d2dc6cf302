using Referrals.Eligibility.Assessments;
using Referrals.Messaging.Documents;
using Referrals.Testing;

namespace Referrals.Eligibility.Tests.Assessments;

public sealed class SqliteAssessmentStoreTests : AssessmentStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IAssessmentStore> CreateStoreAsync() =>
        Task.FromResult<IAssessmentStore>(new SqliteAssessmentStore(new SqliteDatabase(_directory.SqliteConnectionString("eligibility"))));

    public void Dispose() => _directory.Dispose();
}
