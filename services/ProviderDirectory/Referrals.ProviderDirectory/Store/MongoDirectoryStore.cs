using MongoDB.Driver;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;

namespace Referrals.ProviderDirectory.Store;

/// <summary>Production: one MongoDB collection per document kind, with the indexes its queries use created at start.</summary>
public sealed class MongoDirectoryStore : IDirectoryStore
{
    private readonly MongoDocumentCollection<OrganisationDocument> _organisations;
    private readonly MongoDocumentCollection<ServiceDocument> _services;
    private readonly MongoDocumentCollection<PlacementRequestDocument> _requests;
    private readonly MongoDocumentCollection<OfferDocument> _offers;

    public MongoDirectoryStore(IMongoDatabase database)
    {
        _organisations = new(database, "organisations");
        _services = new(database, "services");
        _requests = new(database, "placementRequests");
        _offers = new(database, "offers");
        _services.Collection.Indexes.CreateMany(
        [
            new CreateIndexModel<ServiceDocument>(Builders<ServiceDocument>.IndexKeys.Ascending(s => s.ServiceType)),
            new CreateIndexModel<ServiceDocument>(Builders<ServiceDocument>.IndexKeys.Ascending(s => s.ProviderId)),
        ]);
        _requests.Collection.Indexes.CreateOne(new CreateIndexModel<PlacementRequestDocument>(
            Builders<PlacementRequestDocument>.IndexKeys
                .Ascending(r => r.Status).Ascending(r => r.ServiceType).Ascending(r => r.WaitlistedAt)));
        _offers.Collection.Indexes.CreateMany(
        [
            new CreateIndexModel<OfferDocument>(Builders<OfferDocument>.IndexKeys.Ascending(o => o.ProviderId).Ascending(o => o.OfferedAt)),
            new CreateIndexModel<OfferDocument>(Builders<OfferDocument>.IndexKeys.Ascending(o => o.ReferralId).Ascending(o => o.OfferedAt)),
            new CreateIndexModel<OfferDocument>(Builders<OfferDocument>.IndexKeys.Ascending(o => o.Status).Ascending(o => o.OfferedAt)),
        ]);
    }

    public IDocumentCollection<OrganisationDocument> Organisations => _organisations;

    public IDocumentCollection<ServiceDocument> Services => _services;

    public IDocumentCollection<PlacementRequestDocument> Requests => _requests;

    public IDocumentCollection<OfferDocument> Offers => _offers;

    public async Task<bool> AnyOrganisationAsync(CancellationToken cancellationToken) =>
        await _organisations.Collection.Find(FilterDefinition<OrganisationDocument>.Empty).Limit(1).AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<OrganisationDocument>> ListOrganisationsAsync(CancellationToken cancellationToken) =>
        await _organisations.Collection.Find(FilterDefinition<OrganisationDocument>.Empty)
            .SortBy(o => o.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ServiceDocument>> ServicesOfTypeAsync(string serviceType, CancellationToken cancellationToken) =>
        await _services.Collection.Find(s => s.ServiceType == serviceType).SortBy(s => s.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ServiceDocument>> ServicesOfProviderAsync(string providerId, CancellationToken cancellationToken) =>
        await _services.Collection.Find(s => s.ProviderId == providerId).SortBy(s => s.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PlacementRequestDocument>> WaitlistedAsync(string serviceType, CancellationToken cancellationToken) =>
        await _requests.Collection
            .Find(r => r.Status == PlacementStatus.Waitlisted && r.ServiceType == serviceType)
            .SortBy(r => r.WaitlistedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OfferDocument>> FindOffersAsync(
        string? providerId, Guid? referralId, OfferStatus? status, CancellationToken cancellationToken)
    {
        var filter = Builders<OfferDocument>.Filter;
        var where = filter.Empty;
        if (providerId is not null)
        {
            where &= filter.Eq(o => o.ProviderId, providerId);
        }

        if (referralId is { } referral)
        {
            where &= filter.Eq(o => o.ReferralId, referral);
        }

        if (status is { } wanted)
        {
            where &= filter.Eq(o => o.Status, wanted);
        }

        return await _offers.Collection.Find(where).SortBy(o => o.OfferedAt).ThenBy(o => o.Id).ToListAsync(cancellationToken);
    }
}
