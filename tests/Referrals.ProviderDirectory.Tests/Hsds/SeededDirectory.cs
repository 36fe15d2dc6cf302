using Referrals.ProviderDirectory.Tests.Api;
using Referrals.Testing;
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
        // An administrator may read the whole directory and change any service's capacity.
        Client = _app.CreateClient().As(TestTokens.Administrator());
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
