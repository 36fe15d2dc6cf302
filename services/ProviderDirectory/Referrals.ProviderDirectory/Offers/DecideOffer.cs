using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Messaging.Documents;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ProviderDirectory.Requests;
using Referrals.ProviderDirectory.Store;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>
/// Applies a provider's answer to the service document that owns the offer (the authority), publishes what it
/// raised, and brings the offers read model up to date at once so the caller reads its own write. Only the provider
/// the offer was made to may answer it: another provider's offer is "not found" and nothing changes.
/// </summary>
public sealed class DecideOffer(IDirectoryStore store, ServicePublishing publishing, TimeProvider time, ILogger<DecideOffer> logger)
{
    public async Task<(DecisionResult? Result, OfferDocument? Offer)> DecideAsync(
        Guid offerId,
        string providerId,
        Func<ServiceDocument, DateTimeOffset, DecisionResult> decide,
        (string Reason, string? Text)? decline,
        IPublishEndpoint publisher,
        CancellationToken cancellationToken)
    {
        var offer = await store.Offers.FindAsync(OfferDocument.IdOf(offerId), cancellationToken);
        if (offer is null || !string.Equals(offer.ProviderId, providerId, StringComparison.Ordinal))
        {
            return (null, null);
        }

        // A referral that was withdrawn or moved on can no longer take this offer, even if its service has not heard yet.
        var request = await store.Requests.FindAsync(PlacementRequestDocument.IdOf(offer.ReferralId), cancellationToken);
        if (request is null || request.Status != PlacementStatus.Offered || request.CurrentOffer?.OfferId != offerId)
        {
            return (DecisionResult.NotPending, offer);
        }

        var now = time.GetUtcNow();
        var result = DecisionResult.NotPending;
        var saved = await store.Services.UpdateAsync(offer.ServiceId, s =>
        {
            // The service document is the authority: it must belong to the answering provider too.
            result = string.Equals(s.ProviderId, providerId, StringComparison.Ordinal) ? decide(s, now) : DecisionResult.NotPending;
            return result != DecisionResult.NotPending;
        }, cancellationToken: cancellationToken);
        await publishing.PublishAsync(saved, publisher, cancellationToken);
        DirectoryLog.Decision(logger, offerId, offer.ReferralId, result);

        var projected = await store.Offers.UpdateAsync(offer.Id, o => result switch
        {
            DecisionResult.Accepted => o.Decide(OfferStatus.Accepted, now),
            DecisionResult.NoCapacity => o.Decide(OfferStatus.Lapsed, now, nameof(DeclineReason.NoCapacity), OfferDecisions.NoFreePlaceText),
            DecisionResult.Declined => o.Decide(OfferStatus.Declined, now, decline?.Reason, decline?.Text),
            _ => false,
        }, cancellationToken: cancellationToken);
        return (result, projected ?? offer);
    }
}
