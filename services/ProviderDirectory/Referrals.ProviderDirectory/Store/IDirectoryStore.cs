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

    /// <summary>Offers matching every given filter, oldest first.</summary>
    Task<IReadOnlyList<OfferDocument>> FindOffersAsync(
        string? providerId, Guid? referralId, OfferStatus? status, CancellationToken cancellationToken);
}
