using System.Text.RegularExpressions;
using MongoDB.Bson;
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
            new CreateIndexModel<ServiceDocument>(Builders<ServiceDocument>.IndexKeys.Ascending(s => s.HsdsId)),
            new CreateIndexModel<ServiceDocument>(Builders<ServiceDocument>.IndexKeys
                .Ascending(s => s.ServiceType).Ascending(s => s.Active).Ascending(s => s.PlanningRegion)),
            new CreateIndexModel<ServiceDocument>(Builders<ServiceDocument>.IndexKeys.Ascending(s => s.Municipality)),
            new CreateIndexModel<ServiceDocument>(Builders<ServiceDocument>.IndexKeys.Ascending(s => s.UpdatedAt)),
        ]);
        _organisations.Collection.Indexes.CreateMany(
        [
            new CreateIndexModel<OrganisationDocument>(Builders<OrganisationDocument>.IndexKeys.Ascending(o => o.HsdsId)),
            new CreateIndexModel<OrganisationDocument>(Builders<OrganisationDocument>.IndexKeys.Ascending(o => o.Name)),
        ]);
        _requests.Collection.Indexes.CreateOne(new CreateIndexModel<PlacementRequestDocument>(
            Builders<PlacementRequestDocument>.IndexKeys
                .Ascending(r => r.Status).Ascending(r => r.ServiceType).Ascending(r => r.WaitlistedAt)));
        _offers.Collection.Indexes.CreateMany(
        [
            new CreateIndexModel<OfferDocument>(Builders<OfferDocument>.IndexKeys.Ascending(o => o.ProviderId).Ascending(o => o.OfferedAt)),
            new CreateIndexModel<OfferDocument>(Builders<OfferDocument>.IndexKeys.Ascending(o => o.ReferralId).Ascending(o => o.OfferedAt)),
            new CreateIndexModel<OfferDocument>(Builders<OfferDocument>.IndexKeys.Ascending(o => o.Status).Ascending(o => o.OfferedAt)),
            new CreateIndexModel<OfferDocument>(Builders<OfferDocument>.IndexKeys.Ascending(o => o.Municipality).Ascending(o => o.OfferedAt)),
        ]);
        OfferTenants.Backfill(
            _offers.Collection.Find(o => o.Municipality == null || o.Municipality == "").ToList(), _offers, _requests);
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

    public async Task<IReadOnlyList<ServiceDocument>> MatchableServicesAsync(MatchQuery query, CancellationToken cancellationToken)
    {
        var filter = Builders<ServiceDocument>.Filter;
        var where = filter.Eq(s => s.ServiceType, query.ServiceType)
            & filter.Eq(s => s.Active, true)
            & (filter.Eq(s => s.Municipality, query.DeclaredMunicipality) | filter.Eq(s => s.PlanningRegion, query.PlanningRegion));
        if (query.Age is { } age)
        {
            where &= (filter.Eq(s => s.MinAge, null) | filter.Lte(s => s.MinAge, age))
                & (filter.Eq(s => s.MaxAge, null) | filter.Gte(s => s.MaxAge, age));
        }

        if (query.Gender is { } gender)
        {
            where &= filter.Eq(s => s.Gender, null) | filter.Eq(s => s.Gender, "") | filter.Eq(s => s.Gender, gender.ToLowerInvariant());
        }

        if (query.ClientGroup is { } group)
        {
            where &= filter.Size(s => s.ClientGroups, 0) | filter.AnyEq(s => s.ClientGroups, group);
        }

        return await _services.Collection.Find(where).SortBy(s => s.Id).ToListAsync(cancellationToken);
    }

    public async Task<DirectoryPage<ServiceDocument>> SearchServicesAsync(
        ServiceQuery query, int page, int perPage, CancellationToken cancellationToken)
    {
        var filter = Builders<ServiceDocument>.Filter;
        var where = filter.Empty;
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = new BsonRegularExpression(Regex.Escape(query.Search.Trim()), "i");
            where &= filter.Regex(s => s.Name, pattern) | filter.Regex(s => s.ProviderName, pattern);
        }

        if (query.ServiceType is not null)
        {
            where &= filter.Eq(s => s.ServiceType, query.ServiceType);
        }

        if (query.ClientGroup is not null)
        {
            where &= filter.AnyEq(s => s.ClientGroups, query.ClientGroup);
        }

        if (query.ProviderIds is not null)
        {
            where &= filter.In(s => s.ProviderId, query.ProviderIds);
        }

        if (query.ModifiedAfter is { } after)
        {
            where &= filter.Gte(s => s.UpdatedAt, after);
        }

        if (query.Municipality is not null)
        {
            where &= filter.Eq(s => s.Municipality, query.Municipality);
        }

        var total = await _services.Collection.CountDocumentsAsync(where, cancellationToken: cancellationToken);
        var items = await _services.Collection.Find(where).SortBy(s => s.ProviderName).ThenBy(s => s.Id)
            .Skip((page - 1) * perPage).Limit(perPage).ToListAsync(cancellationToken);
        return new DirectoryPage<ServiceDocument>(items, total, page, perPage);
    }

    public async Task<DirectoryPage<OrganisationDocument>> SearchOrganisationsAsync(
        string? search, int page, int perPage, CancellationToken cancellationToken)
    {
        var filter = Builders<OrganisationDocument>.Filter;
        var where = string.IsNullOrWhiteSpace(search)
            ? filter.Empty
            : filter.Regex(o => o.Name, new BsonRegularExpression(Regex.Escape(search.Trim()), "i"));
        var total = await _organisations.Collection.CountDocumentsAsync(where, cancellationToken: cancellationToken);
        var items = await _organisations.Collection.Find(where).SortBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((page - 1) * perPage).Limit(perPage).ToListAsync(cancellationToken);
        return new DirectoryPage<OrganisationDocument>(items, total, page, perPage);
    }

    public async Task<IReadOnlyList<string>> OrganisationIdsWithTermAsync(string code, CancellationToken cancellationToken) =>
        await _organisations.Collection.Find(o => o.ProviderType == code || o.LegalStatus == code)
            .SortBy(o => o.Id).Project(o => o.Id).ToListAsync(cancellationToken);

    public async Task<OrganisationDocument?> OrganisationByHsdsIdAsync(string hsdsId, CancellationToken cancellationToken) =>
        await _organisations.Collection.Find(o => o.HsdsId == hsdsId).FirstOrDefaultAsync(cancellationToken);

    public async Task<ServiceDocument?> ServiceByHsdsIdAsync(string hsdsId, CancellationToken cancellationToken) =>
        await _services.Collection.Find(s => s.HsdsId == hsdsId).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<OfferDocument>> FindOffersAsync(
        string? providerId, Guid? referralId, OfferStatus? status, IReadOnlyCollection<string>? municipalities, CancellationToken cancellationToken)
    {
        var filter = Builders<OfferDocument>.Filter;
        var where = filter.Empty;
        if (municipalities is not null)
        {
            where &= filter.In(o => o.Municipality, municipalities);
        }

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
