using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace Referrals.Notification.Tests.Api;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("mongodb://localhost:27017")]
    public void A_missing_or_unusable_store_connection_string_stops_start_up(string connectionString)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:NotificationStore", connectionString);
            builder.UseSetting("Messaging:Transport", "InMemory");
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("NotificationStore", error.Message, StringComparison.Ordinal);
    }
}
