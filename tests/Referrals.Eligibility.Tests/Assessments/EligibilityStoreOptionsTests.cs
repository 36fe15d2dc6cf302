using Referrals.Eligibility.Assessments;
using Xunit;

namespace Referrals.Eligibility.Tests.Assessments;

public sealed class EligibilityStoreOptionsTests
{
    [Theory]
    [InlineData("Data Source=data/eligibility.db", true)]
    [InlineData("mongodb://localhost:27017/eligibility", true)]
    [InlineData("mongodb://localhost:27017", false)]
    [InlineData("mongodb://", false)]
    [InlineData("Data Source=", false)]
    [InlineData("", false)]
    [InlineData("this is not = a ; connection string", false)]
    public void The_connection_string_is_checked_at_start(string connectionString, bool valid)
    {
        var result = new EligibilityStoreOptionsValidator().Validate(null, new EligibilityStoreOptions { ConnectionString = connectionString });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("ConnectionStrings:EligibilityStore", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
