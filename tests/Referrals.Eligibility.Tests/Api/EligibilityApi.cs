using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referrals.Testing;

namespace Referrals.Eligibility.Tests.Api;

/// <summary>The Eligibility host in-process: SQLite in a temp directory, in-memory bus, clock fixed at 15 June 2026.</summary>
public sealed class EligibilityApi : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A store connection string to start with instead of the temp SQLite file (for start-up checks).</summary>
    public string? StoreOverride { get; init; }

    public string StoreConnectionString => _directory.SqliteConnectionString("eligibility");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:EligibilityStore", StoreOverride ?? StoreConnectionString);
        builder.UseSetting("Messaging:Transport", "InMemory");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public async Task<long> StoredAssessmentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(StoreConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM assessments";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
