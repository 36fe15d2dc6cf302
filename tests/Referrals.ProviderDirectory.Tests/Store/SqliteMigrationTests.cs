using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Hsds;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Store;
using Referrals.Testing;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Store;

/// <summary>A directory file written by round 1 (fewer indexed columns) opens, gains the new columns and is searchable.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_round_1_file_gains_the_new_columns_and_its_documents_are_found_by_them()
    {
        var connectionString = _temp.SqliteConnectionString("old");
        var database = new SqliteDatabase(connectionString);
        var oldServices = new SqliteDocumentCollection<ServiceDocument>(database, "services",
            new SqliteColumn<ServiceDocument>("service_type", s => s.ServiceType),
            new SqliteColumn<ServiceDocument>("provider_id", s => s.ProviderId));
        var oldOrganisations = new SqliteDocumentCollection<OrganisationDocument>(database, "organisations");
        await oldServices.TryInsertAsync(new ServiceDocument
        {
            Id = "svc-old", ProviderId = "org-old", ProviderName = "Vecais centrs", ServiceType = "home-care", ClientGroups = [],
            Municipality = "LV-DGV", PlanningRegion = "Latgale", Available = 1, Maximum = 5,
        }, Ct);
        await oldOrganisations.TryInsertAsync(new OrganisationDocument { Id = "org-old", Name = "Vecais centrs", Municipality = "LV-DGV" }, Ct);

        var store = new SqliteDirectoryStore(connectionString);

        Assert.Equal("svc-old", (await store.ServiceByHsdsIdAsync(HsdsIds.Service("svc-old"), Ct))?.Id);
        Assert.Equal("org-old", (await store.OrganisationByHsdsIdAsync(HsdsIds.Organisation("org-old"), Ct))?.Id);
        Assert.Single(await store.MatchableServicesAsync(new MatchQuery("home-care", "LV-DGV", "Latgale", 80, "female", "elderly"), Ct));
        Assert.Single((await store.SearchServicesAsync(new ServiceQuery(Search: "vecais"), 1, 10, Ct)).Items);
    }

    public void Dispose() => _temp.Dispose();
}
