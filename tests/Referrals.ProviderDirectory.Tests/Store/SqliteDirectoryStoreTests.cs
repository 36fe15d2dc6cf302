using Referrals.ProviderDirectory.Store;
using Referrals.Testing;

namespace Referrals.ProviderDirectory.Tests.Store;

public sealed class SqliteDirectoryStoreTests : DirectoryStoreContract, IDisposable
{
    private readonly TempDirectory _temp = new();

    protected override Task<IDirectoryStore> CreateStoreAsync() =>
        Task.FromResult<IDirectoryStore>(new SqliteDirectoryStore(_temp.SqliteConnectionString("directory")));

    public void Dispose() => _temp.Dispose();
}
