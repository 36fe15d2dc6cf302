using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Referrals.Testing;

namespace Referrals.Notification.Tests.Api;

/// <summary>The Notification service in-process: SQLite in a temp folder, in-memory transport, development sender.</summary>
public class NotificationApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();

    /// <summary>The SQLite file of the service's store, for tests that compare every row before and after.</summary>
    public string StoreConnectionString => _directory.SqliteConnectionString("notification");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:NotificationStore", StoreConnectionString);
        builder.UseSetting("Messaging:Transport", "InMemory");
        builder.UseSetting("Notification:Sender", "Development");
        // Quiet hours off: the API tests run at any hour (QuietHoursTests covers them).
        builder.UseSetting("Notification:QuietHoursStart", "00:00");
        builder.UseSetting("Notification:QuietHoursEnd", "00:00");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
