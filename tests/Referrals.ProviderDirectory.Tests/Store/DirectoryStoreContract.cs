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

        Assert.Equal([a.OfferId, b.OfferId], (await store.FindOffersAsync(null, referral, null, Ct)).Select(o => o.OfferId));
        Assert.Equal([b.OfferId, c.OfferId], (await store.FindOffersAsync("org-2", null, null, Ct)).Select(o => o.OfferId));
        Assert.Equal([b.OfferId], (await store.FindOffersAsync("org-2", referral, OfferStatus.Pending, Ct)).Select(o => o.OfferId));
        Assert.Equal(3, (await store.FindOffersAsync(null, null, null, Ct)).Count);
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

    private static ServiceDocument Service(string id, string type, string provider) => new()
    {
        Id = id,
        ProviderId = provider,
        ProviderName = "Daugavpils dienas aprūpes centrs",
        ServiceType = type,
        ClientGroups = ["elderly"],
        Municipality = "LV-DGV",
        PlanningRegion = "Latgale",
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
