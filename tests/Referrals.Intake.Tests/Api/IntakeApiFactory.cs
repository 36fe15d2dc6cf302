using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Api;

/// <summary>
/// The real Intake host in-process: SQLite in a temp directory (keys in a generated key file beside it, as in the
/// embedded default), the in-memory bus, development tokens.
/// </summary>
public sealed class IntakeApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory;
    private readonly bool _ownsDirectory;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public IntakeApiFactory()
        : this(new TempDirectory(), ownsDirectory: true, new Dictionary<string, string?>())
    {
    }

    /// <summary>A host over an existing directory (to restart on the same database with other settings).</summary>
    internal IntakeApiFactory(TempDirectory directory, bool ownsDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        _settings = settings;
    }

    public string ConnectionString => _directory.SqliteConnectionString("intake");

    public string DirectoryPath => _directory.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:IntakeStore", ConnectionString);
        builder.UseSetting("Messaging:Transport", "InMemory");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDirectory)
        {
            _directory.Dispose();
        }
    }
}
