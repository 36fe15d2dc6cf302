using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Hsds;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;
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

    [Fact]
    public async Task Offers_of_a_round_2_file_gain_their_referrals_municipality_so_narrowed_lists_keep_them()
    {
        var connectionString = _temp.SqliteConnectionString("round2");
        var database = new SqliteDatabase(connectionString);
        var oldOffers = new SqliteDocumentCollection<OfferDocument>(database, "offers",
            new SqliteColumn<OfferDocument>("provider_id", o => o.ProviderId),
            new SqliteColumn<OfferDocument>("referral_id", o => o.ReferralId.ToString("D")),
            new SqliteColumn<OfferDocument>("status", o => o.Status),
            new SqliteColumn<OfferDocument>("offered_at", o => o.OfferedAt));
        var requests = new SqliteDocumentCollection<PlacementRequestDocument>(database, "placement_requests",
            new SqliteColumn<PlacementRequestDocument>("status", r => r.Status),
            new SqliteColumn<PlacementRequestDocument>("service_type", r => r.ServiceType),
            new SqliteColumn<PlacementRequestDocument>("waitlisted_at", r => r.WaitlistedAt));
        var referral = Guid.NewGuid();
        var offerId = Guid.NewGuid();
        await requests.TryInsertAsync(new PlacementRequestDocument
        {
            Id = PlacementRequestDocument.IdOf(referral), ReferralId = referral, Municipality = "LV-DGV", ServiceType = "home-care",
        }, Ct);
        await oldOffers.TryInsertAsync(new OfferDocument
        {
            Id = OfferDocument.IdOf(offerId), OfferId = offerId, ReferralId = referral, ProviderId = "org-old", ServiceId = "svc-old",
        }, Ct);

        var store = new SqliteDirectoryStore(connectionString);

        Assert.Equal([offerId], (await store.FindOffersAsync(null, null, null, ["LV-DGV"], Ct)).Select(o => o.OfferId));
        Assert.Equal("LV-DGV", (await store.Offers.FindAsync(OfferDocument.IdOf(offerId), Ct))!.Municipality);
    }

    public void Dispose() => _temp.Dispose();
}
