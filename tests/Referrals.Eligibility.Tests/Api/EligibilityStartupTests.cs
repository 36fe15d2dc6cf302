using Referrals.Messaging;
using Referrals.ServiceDefaults;
using Referrals.Testing;
using Xunit;

namespace Referrals.Eligibility.Tests.Api;

public sealed class EligibilityStartupTests
{
    [Theory]
    [InlineData("mongodb://localhost:27017")]
    [InlineData("Data Source=")]
    public async Task The_service_refuses_to_start_with_a_store_it_cannot_use(string connectionString)
    {
        var error = await StartupFailure.CaptureAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:EligibilityStore"] = connectionString, ["Messaging:Transport"] = "InMemory" },
            builder =>
            {
                builder.AddServiceDefaults();
                builder.AddEligibility();
                builder.AddMessaging();
            });

        Assert.NotNull(error);
        Assert.Contains("ConnectionStrings:EligibilityStore", error.ToString(), StringComparison.Ordinal);
    }
}
