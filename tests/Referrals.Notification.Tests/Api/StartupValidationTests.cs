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

    [Theory]
    [InlineData("Notification:StatusLinkBaseUrl", "https://a-status-page-address-too-long.example.lv/s", "StatusLinkBaseUrl")]
    [InlineData("Notification:StatusLinkBaseUrl", "not a url", "StatusLinkBaseUrl")]
    [InlineData("Notification:QuietHoursTimeZone", "Mars/Olympus_Mons", "QuietHoursTimeZone")]
    public void Unusable_notification_settings_stop_start_up(string key, string value, string named)
    {
        using var directory = new Referrals.Testing.TempDirectory();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:NotificationStore", directory.SqliteConnectionString("notification"));
            builder.UseSetting("Messaging:Transport", "InMemory");
            builder.UseSetting(key, value);
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
