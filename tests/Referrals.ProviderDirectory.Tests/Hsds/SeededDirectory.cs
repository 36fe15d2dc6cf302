using Referrals.ProviderDirectory.Tests.Api;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Hsds;

/// <summary>One seeded directory shared by the HSDS tests: loading the register takes a moment.</summary>
public sealed class SeededDirectory : IAsyncLifetime
{
    public const string Name = "Seeded directory";

    private readonly DirectoryApp _app = new(seed: true);

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(SeededDirectory.Name)]
public sealed class SeededDirectoryCollection : ICollectionFixture<SeededDirectory>;
