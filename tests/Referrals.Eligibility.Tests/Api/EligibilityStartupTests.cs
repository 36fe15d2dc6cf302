using Xunit;

namespace Referrals.Eligibility.Tests.Api;

public sealed class EligibilityStartupTests
{
    [Theory]
    [InlineData("mongodb://localhost:27017")]
    [InlineData("Data Source=")]
    public async Task The_service_refuses_to_start_with_a_store_it_cannot_use(string connectionString)
    {
        await using var api = new EligibilityApi { StoreOverride = connectionString };

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("ConnectionStrings:EligibilityStore", error.ToString(), StringComparison.Ordinal);
    }
}
