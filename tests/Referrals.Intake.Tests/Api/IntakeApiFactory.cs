using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Api;

/// <summary>The real Intake host in-process: SQLite in a temp directory, the in-memory bus.</summary>
public sealed class IntakeApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:IntakeStore", _directory.SqliteConnectionString("intake"));
        builder.UseSetting("Messaging:Transport", "InMemory");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
