using Microsoft.Extensions.Options;
using Referrals.Messaging;
using Referrals.ServiceDefaults;
using Referrals.Testing;
using Xunit;

namespace Referrals.Notification.Tests.Api;

public sealed class StartupValidationTests
{
    private static Task<Exception?> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Messaging:Transport"] = "InMemory";
        // Valid identity settings, so that the setting under test is the only one to fail.
        settings["Identity:Mode"] = "Development";
        return StartupFailure.CaptureAsync(settings, builder =>
        {
            builder.AddServiceDefaults();
            builder.AddNotification();
            builder.AddMessaging();
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("mongodb://localhost:27017")]
    public async Task A_missing_or_unusable_store_connection_string_stops_start_up(string connectionString)
    {
        var error = await StartAsync(new() { ["ConnectionStrings:NotificationStore"] = connectionString });

        var invalid = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("NotificationStore", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Notification:StatusLinkBaseUrl", "https://a-status-page-address-too-long.example.lv/s", "StatusLinkBaseUrl")]
    [InlineData("Notification:StatusLinkBaseUrl", "not a url", "StatusLinkBaseUrl")]
    [InlineData("Notification:QuietHoursTimeZone", "Mars/Olympus_Mons", "QuietHoursTimeZone")]
    [InlineData("Notification:Kannel:CallbackSecret", "too-short", "CallbackSecret")]
    [InlineData("Notification:Kannel:CallbackSecret", "not url safe & has spaces 0123456789abcdef", "CallbackSecret")]
    public async Task Unusable_notification_settings_stop_start_up(string key, string value, string named)
    {
        using var directory = new TempDirectory();

        var error = await StartAsync(new()
        {
            ["ConnectionStrings:NotificationStore"] = directory.SqliteConnectionString("notification"),
            [key] = value,
        });

        var invalid = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(named, invalid.Message, StringComparison.Ordinal);
    }
}
