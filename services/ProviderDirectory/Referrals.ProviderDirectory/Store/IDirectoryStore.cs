using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Offers;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;

namespace Referrals.ProviderDirectory.Store;

/// <summary>The directory's documents and the few queries it needs beyond find-by-id.</summary>
public interface IDirectoryStore
{
    IDocumentCollection<OrganisationDocument> Organisations { get; }

    IDocumentCollection<ServiceDocument> Services { get; }

    IDocumentCollection<PlacementRequestDocument> Requests { get; }

    IDocumentCollection<OfferDocument> Offers { get; }

    Task<bool> AnyOrganisationAsync(CancellationToken cancellationToken);

    /// <summary>Every organisation, by id.</summary>
    Task<IReadOnlyList<OrganisationDocument>> ListOrganisationsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ServiceDocument>> ServicesOfTypeAsync(string serviceType, CancellationToken cancellationToken);

    Task<IReadOnlyList<ServiceDocument>> ServicesOfProviderAsync(string providerId, CancellationToken cancellationToken);

    /// <summary>Waitlisted requests of one service type, longest waiting first.</summary>
    Task<IReadOnlyList<PlacementRequestDocument>> WaitlistedAsync(string serviceType, CancellationToken cancellationToken);

    /// <summary>Active services a referral could be matched with: its service type, in its municipality or planning region.</summary>
    Task<IReadOnlyList<ServiceDocument>> MatchableServicesAsync(MatchQuery query, CancellationToken cancellationToken);

    /// <summary>Services matching every filter, by name then id; one page.</summary>
    Task<DirectoryPage<ServiceDocument>> SearchServicesAsync(ServiceQuery query, int page, int perPage, CancellationToken cancellationToken);

    /// <summary>Organisations whose name contains the (folded) search text, by name then id; one page.</summary>
    Task<DirectoryPage<OrganisationDocument>> SearchOrganisationsAsync(string? search, int page, int perPage, CancellationToken cancellationToken);

    /// <summary>Ids of organisations with this provider type or legal status code.</summary>
    Task<IReadOnlyList<string>> OrganisationIdsWithTermAsync(string code, CancellationToken cancellationToken);

    Task<OrganisationDocument?> OrganisationByHsdsIdAsync(string hsdsId, CancellationToken cancellationToken);

    Task<ServiceDocument?> ServiceByHsdsIdAsync(string hsdsId, CancellationToken cancellationToken);

    /// <summary>Offers matching every given filter (<paramref name="municipalities"/>: of referrals of any of these), oldest first.</summary>
    Task<IReadOnlyList<OfferDocument>> FindOffersAsync(
        string? providerId, Guid? referralId, OfferStatus? status, IReadOnlyCollection<string>? municipalities, CancellationToken cancellationToken);
}
