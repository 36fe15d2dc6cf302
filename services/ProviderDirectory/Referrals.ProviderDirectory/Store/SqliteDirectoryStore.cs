using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;

namespace Referrals.ProviderDirectory.Store;

/// <summary>The embedded default: one SQLite file, one table per document kind.</summary>
public sealed class SqliteDirectoryStore : IDirectoryStore
{
    private readonly SqliteDocumentCollection<OrganisationDocument> _organisations;
    private readonly SqliteDocumentCollection<ServiceDocument> _services;
    private readonly SqliteDocumentCollection<PlacementRequestDocument> _requests;
    private readonly SqliteDocumentCollection<OfferDocument> _offers;

    public SqliteDirectoryStore(string connectionString)
    {
        var database = new SqliteDatabase(connectionString);
        _organisations = new(database, "organisations");
        _services = new(database, "services",
            new SqliteColumn<ServiceDocument>("service_type", s => s.ServiceType),
            new SqliteColumn<ServiceDocument>("provider_id", s => s.ProviderId));
        _requests = new(database, "placement_requests",
            new SqliteColumn<PlacementRequestDocument>("status", r => r.Status),
            new SqliteColumn<PlacementRequestDocument>("service_type", r => r.ServiceType),
            new SqliteColumn<PlacementRequestDocument>("waitlisted_at", r => r.WaitlistedAt));
        _offers = new(database, "offers",
            new SqliteColumn<OfferDocument>("provider_id", o => o.ProviderId),
            new SqliteColumn<OfferDocument>("referral_id", o => o.ReferralId.ToString("D")),
            new SqliteColumn<OfferDocument>("status", o => o.Status),
            new SqliteColumn<OfferDocument>("offered_at", o => o.OfferedAt));
    }

    public IDocumentCollection<OrganisationDocument> Organisations => _organisations;

    public IDocumentCollection<ServiceDocument> Services => _services;

    public IDocumentCollection<PlacementRequestDocument> Requests => _requests;

    public IDocumentCollection<OfferDocument> Offers => _offers;

    public async Task<bool> AnyOrganisationAsync(CancellationToken cancellationToken) =>
        await _organisations.CountAsync(null, cancellationToken: cancellationToken) > 0;

    public Task<IReadOnlyList<OrganisationDocument>> ListOrganisationsAsync(CancellationToken cancellationToken) =>
        _organisations.QueryAsync(null, orderBy: "id", cancellationToken: cancellationToken);

    public Task<IReadOnlyList<ServiceDocument>> ServicesOfTypeAsync(string serviceType, CancellationToken cancellationToken) =>
        _services.QueryAsync("service_type = $type", [("$type", serviceType)], "id", cancellationToken: cancellationToken);

    public Task<IReadOnlyList<ServiceDocument>> ServicesOfProviderAsync(string providerId, CancellationToken cancellationToken) =>
        _services.QueryAsync("provider_id = $provider", [("$provider", providerId)], "id", cancellationToken: cancellationToken);

    public Task<IReadOnlyList<PlacementRequestDocument>> WaitlistedAsync(string serviceType, CancellationToken cancellationToken) =>
        _requests.QueryAsync(
            "status = $status AND service_type = $type",
            [("$status", nameof(PlacementStatus.Waitlisted)), ("$type", serviceType)],
            "waitlisted_at, id",
            cancellationToken: cancellationToken);

    public Task<IReadOnlyList<OfferDocument>> FindOffersAsync(
        string? providerId, Guid? referralId, OfferStatus? status, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (providerId is not null)
        {
            where.Add("provider_id = $provider");
            parameters.Add(("$provider", providerId));
        }

        if (referralId is { } referral)
        {
            where.Add("referral_id = $referral");
            parameters.Add(("$referral", referral.ToString("D")));
        }

        if (status is { } wanted)
        {
            where.Add("status = $status");
            parameters.Add(("$status", wanted.ToString()));
        }

        return _offers.QueryAsync(
            where.Count == 0 ? null : string.Join(" AND ", where), parameters, "offered_at, id", cancellationToken: cancellationToken);
    }
}
