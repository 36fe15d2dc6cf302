using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;
using Referrals.ProviderDirectory.Store;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Store;

/// <summary>What every <see cref="IDirectoryStore"/> adapter must do; run once per adapter.</summary>
public abstract class DirectoryStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<IDirectoryStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Documents_round_trip_with_their_nested_values()
    {
        var store = await CreateStoreAsync();
        var offer = Guid.NewGuid();
        var referral = Guid.NewGuid();
        Assert.True(await store.Services.TryInsertAsync(Service("svc-1", "day-care-centre", "org-1"), Ct));
        Assert.True(await store.Services.UpdateAsync("svc-1", s =>
        {
            s.PendingOffers.Add(new PendingOffer(offer, referral, 2, Now));
            s.Placements.Add(new Placement(Guid.NewGuid(), Guid.NewGuid(), Now));
            s.Gender = "female";
            s.MaxAge = 64;
            return true;
        }, cancellationToken: Ct) is not null);

        var found = await store.Services.FindAsync("svc-1", Ct);

        Assert.NotNull(found);
        Assert.Equal(2, found.Version);
        Assert.Equal(new PendingOffer(offer, referral, 2, Now), Assert.Single(found.PendingOffers));
        Assert.Single(found.Placements);
        Assert.Equal(["elderly"], found.ClientGroups);
        Assert.Equal(("female", 64), (found.Gender, found.MaxAge));

        var request = Request(Guid.NewGuid(), "day-care-centre", PlacementStatus.Offered, null);
        request.Candidates.Add(new RankedCandidate("org-1", "Daugavpils", "svc-1", 1, true, ["chosen by the social worker"]));
        request.CurrentOffer = new CurrentOffer(offer, "org-1", "svc-1", 1);
        Assert.True(await store.Requests.TryInsertAsync(request, Ct));
        var again = await store.Requests.FindAsync(request.Id, Ct);
        Assert.Equal(new DateOnly(1950, 5, 1), again!.DateOfBirth);
        Assert.Equal(PlacementStatus.Offered, again.Status);
        Assert.Equal(["chosen by the social worker"], again.Candidates[0].Why);
        Assert.Equal(offer, again.CurrentOffer!.OfferId);
    }

    [Fact]
    public async Task A_stale_write_loses_and_a_second_insert_of_the_same_id_is_refused()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Services.TryInsertAsync(Service("svc-1", "day-care-centre", "org-1"), Ct));
        Assert.False(await store.Services.TryInsertAsync(Service("svc-1", "home-care", "org-2"), Ct));

        var first = (await store.Services.FindAsync("svc-1", Ct))!;
        var second = (await store.Services.FindAsync("svc-1", Ct))!;
        first.Available = 0;
        second.Available = 9;

        Assert.True(await store.Services.TryReplaceAsync(first, Ct));
        Assert.False(await store.Services.TryReplaceAsync(second, Ct));
        Assert.Equal(0, (await store.Services.FindAsync("svc-1", Ct))!.Available);
    }

    [Fact]
    public async Task Services_are_found_by_type_and_by_provider()
    {
        var store = await CreateStoreAsync();
        await store.Services.TryInsertAsync(Service("svc-a", "day-care-centre", "org-1"), Ct);
        await store.Services.TryInsertAsync(Service("svc-b", "home-care", "org-1"), Ct);
        await store.Services.TryInsertAsync(Service("svc-c", "day-care-centre", "org-2"), Ct);

        Assert.Equal(["svc-a", "svc-c"], (await store.ServicesOfTypeAsync("day-care-centre", Ct)).Select(s => s.Id));
        Assert.Equal(["svc-a", "svc-b"], (await store.ServicesOfProviderAsync("org-1", Ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task Waitlisted_requests_of_a_type_come_longest_waiting_first()
    {
        var store = await CreateStoreAsync();
        var late = Request(Guid.NewGuid(), "day-care-centre", PlacementStatus.Waitlisted, Now.AddHours(2));
        var early = Request(Guid.NewGuid(), "day-care-centre", PlacementStatus.Waitlisted, Now);
        var offered = Request(Guid.NewGuid(), "day-care-centre", PlacementStatus.Offered, null);
        var otherType = Request(Guid.NewGuid(), "home-care", PlacementStatus.Waitlisted, Now.AddHours(-1));
        foreach (var request in new[] { late, early, offered, otherType })
        {
            await store.Requests.TryInsertAsync(request, Ct);
        }

        Assert.Equal([early.Id, late.Id], (await store.WaitlistedAsync("day-care-centre", Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task Offers_are_filtered_by_provider_referral_and_status()
    {
        var store = await CreateStoreAsync();
        var referral = Guid.NewGuid();
        var a = Offer(referral, "org-1", OfferStatus.Declined, Now);
        var b = Offer(referral, "org-2", OfferStatus.Pending, Now.AddMinutes(1));
        var c = Offer(Guid.NewGuid(), "org-2", OfferStatus.Pending, Now.AddMinutes(2));
        foreach (var offer in new[] { a, b, c })
        {
            await store.Offers.TryInsertAsync(offer, Ct);
        }

        Assert.Equal([a.OfferId, b.OfferId], (await store.FindOffersAsync(null, referral, null, null, Ct)).Select(o => o.OfferId));
        Assert.Equal([b.OfferId, c.OfferId], (await store.FindOffersAsync("org-2", null, null, null, Ct)).Select(o => o.OfferId));
        Assert.Equal([b.OfferId], (await store.FindOffersAsync("org-2", referral, OfferStatus.Pending, null, Ct)).Select(o => o.OfferId));
        Assert.Equal(3, (await store.FindOffersAsync(null, null, null, null, Ct)).Count);
    }

    [Fact]
    public async Task Offers_are_narrowed_to_the_municipalities_of_their_referrals()
    {
        var store = await CreateStoreAsync();
        var dgv = Offer(Guid.NewGuid(), "org-1", OfferStatus.Pending, Now);
        dgv.Municipality = "LV-DGV";
        var rez = Offer(Guid.NewGuid(), "org-1", OfferStatus.Pending, Now.AddMinutes(1));
        rez.Municipality = "LV-REZ";
        var rix = Offer(Guid.NewGuid(), "org-1", OfferStatus.Pending, Now.AddMinutes(2));
        rix.Municipality = "LV-RIX";
        foreach (var offer in new[] { dgv, rez, rix })
        {
            await store.Offers.TryInsertAsync(offer, Ct);
        }

        Assert.Equal([dgv.OfferId], (await store.FindOffersAsync(null, null, null, ["LV-DGV"], Ct)).Select(o => o.OfferId));
        Assert.Equal([dgv.OfferId, rez.OfferId], (await store.FindOffersAsync("org-1", null, null, ["LV-DGV", "LV-REZ"], Ct)).Select(o => o.OfferId));
        Assert.Empty(await store.FindOffersAsync(null, null, null, [], Ct));
    }

    [Fact]
    public async Task Organisations_are_listed_and_counted()
    {
        var store = await CreateStoreAsync();
        Assert.False(await store.AnyOrganisationAsync(Ct));
        await store.Organisations.TryInsertAsync(new OrganisationDocument { Id = "org-b", Name = "B", Municipality = "LV-REZ" }, Ct);
        await store.Organisations.TryInsertAsync(new OrganisationDocument { Id = "org-a", Name = "A", Municipality = "LV-DGV", ServiceIds = ["svc-1"] }, Ct);

        Assert.True(await store.AnyOrganisationAsync(Ct));
        var all = await store.ListOrganisationsAsync(Ct);
        Assert.Equal(["org-a", "org-b"], all.Select(o => o.Id));
        Assert.Equal(["svc-1"], all[0].ServiceIds);
    }

    [Fact]
    public async Task Matchable_services_are_of_the_type_active_and_in_the_municipality_or_region()
    {
        var store = await CreateStoreAsync();
        await store.Services.TryInsertAsync(Service("svc-dgv", "day-care-centre", "org-1"), Ct);
        await store.Services.TryInsertAsync(Service("svc-rez", "day-care-centre", "org-2", "LV-REZ"), Ct);
        await store.Services.TryInsertAsync(Service("svc-rix", "day-care-centre", "org-3", "LV-RIX", "Riga"), Ct);
        await store.Services.TryInsertAsync(Service("svc-home", "home-care", "org-1"), Ct);
        var inactive = Service("svc-old", "day-care-centre", "org-1");
        inactive.Active = false;
        await store.Services.TryInsertAsync(inactive, Ct);

        var found = await store.MatchableServicesAsync(new MatchQuery("day-care-centre", "LV-DGV", "Latgale"), Ct);

        Assert.Equal(["svc-dgv", "svc-rez"], found.Select(s => s.Id));
    }

    [Fact]
    public async Task Matchable_services_leave_out_what_cannot_fit_the_age_gender_or_client_group()
    {
        var store = await CreateStoreAsync();
        var children = Service("svc-children", "day-care-centre", "org-1");
        (children.MinAge, children.MaxAge) = (0, 17);
        var women = Service("svc-women", "day-care-centre", "org-1");
        women.Gender = "female";
        var anyone = Service("svc-anyone", "day-care-centre", "org-1");
        anyone.ClientGroups = [];
        var disability = Service("svc-disability", "day-care-centre", "org-1");
        disability.ClientGroups = ["physical-disability"];
        foreach (var service in new[] { children, women, anyone, disability })
        {
            await store.Services.TryInsertAsync(service, Ct);
        }

        var man = await store.MatchableServicesAsync(new MatchQuery("day-care-centre", "LV-DGV", "Latgale", 70, "male", "elderly"), Ct);
        var girl = await store.MatchableServicesAsync(new MatchQuery("day-care-centre", "LV-DGV", "Latgale", 12, "female", "elderly"), Ct);

        Assert.Equal(["svc-anyone"], man.Select(s => s.Id));
        Assert.Equal(["svc-anyone", "svc-children", "svc-women"], girl.Select(s => s.Id));
    }

    [Fact]
    public async Task Services_are_searched_with_cumulative_filters_one_page_at_a_time()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 5; i++)
        {
            var service = Service($"svc-{i}", i % 2 == 0 ? "day-care-centre" : "home-care", $"org-{i}", i < 3 ? "LV-DGV" : "LV-REZ");
            service.ProviderName = $"Centrs {i} Rēzekne";
            service.UpdatedAt = Now.AddDays(i);
            if (i == 4)
            {
                service.ClientGroups = ["mental-disorder"];
            }

            await store.Services.TryInsertAsync(service, Ct);
        }

        var page = await store.SearchServicesAsync(new ServiceQuery(), 2, 2, Ct);
        Assert.Equal(5L, page.Total);
        Assert.Equal(["svc-2", "svc-3"], page.Items.Select(s => s.Id));
        Assert.Equal(["svc-0", "svc-2"], (await store.SearchServicesAsync(new ServiceQuery(ServiceType: "day-care-centre", Municipality: "LV-DGV"), 1, 10, Ct)).Items.Select(s => s.Id));
        Assert.Equal(["svc-4"], (await store.SearchServicesAsync(new ServiceQuery(ClientGroup: "mental-disorder"), 1, 10, Ct)).Items.Select(s => s.Id));
        Assert.Equal(["svc-3", "svc-4"], (await store.SearchServicesAsync(new ServiceQuery(ModifiedAfter: Now.AddDays(3)), 1, 10, Ct)).Items.Select(s => s.Id));
        Assert.Equal(["svc-1"], (await store.SearchServicesAsync(new ServiceQuery(Search: "centrs 1", ProviderIds: ["org-1", "org-2"]), 1, 10, Ct)).Items.Select(s => s.Id));
        Assert.Empty((await store.SearchServicesAsync(new ServiceQuery(ProviderIds: []), 1, 10, Ct)).Items);
        Assert.Equal("svc-3", (await store.ServiceByHsdsIdAsync(ProviderDirectory.Hsds.HsdsIds.Service("svc-3"), Ct))?.Id);
    }

    private static ServiceDocument Service(string id, string type, string provider, string municipality = "LV-DGV", string region = "Latgale") => new()
    {
        Id = id,
        ProviderId = provider,
        ProviderName = "Daugavpils dienas aprūpes centrs",
        ServiceType = type,
        ClientGroups = ["elderly"],
        Municipality = municipality,
        PlanningRegion = region,
        HsdsId = ProviderDirectory.Hsds.HsdsIds.Service(id),
        Maximum = 10,
        Available = 2,
        UpdatedAt = Now,
    };

    private static PlacementRequestDocument Request(Guid referral, string type, PlacementStatus status, DateTimeOffset? waitlistedAt) => new()
    {
        Id = PlacementRequestDocument.IdOf(referral),
        ReferralId = referral,
        ServiceType = type,
        ClientGroup = "elderly",
        DateOfBirth = new DateOnly(1950, 5, 1),
        Gender = "female",
        Municipality = "LV-DGV",
        DeclaredMunicipality = "LV-DGV",
        Status = status,
        WaitlistedAt = waitlistedAt,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private static OfferDocument Offer(Guid referral, string provider, OfferStatus status, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        return new OfferDocument
        {
            Id = OfferDocument.IdOf(id),
            OfferId = id,
            ReferralId = referral,
            ProviderId = provider,
            ProviderName = provider,
            ServiceId = "svc-" + provider,
            ServiceType = "day-care-centre",
            Attempt = 1,
            Status = status,
            OfferedAt = at,
        };
    }
}
