using MongoDB.Driver;
using Referrals.ProviderDirectory.Store;
using Referrals.Testing;

namespace Referrals.ProviderDirectory.Tests.Store;

public sealed class MongoDirectoryStoreTests : DirectoryStoreContract
{
    protected override async Task<IDirectoryStore> CreateStoreAsync()
    {
        var url = MongoUrl.Create(await TestInfrastructure.FreshMongoDatabaseAsync("directory"));
        return new MongoDirectoryStore(new MongoClient(url).GetDatabase(url.DatabaseName));
    }
}
