using Referrals.Contracts.ProviderDirectory;
using Referrals.ProviderDirectory.Internal;

namespace Referrals.ProviderDirectory.ProviderServices;

public enum DecisionResult
{
    Accepted,
    Declined,
    NoCapacity,
    NotPending,
}

/// <summary>
/// What a provider's answer does to its service document. Each is applied inside one version-guarded write, so the
/// pending offer, the free places and the events raised always agree.
/// </summary>
public static class OfferDecisions
{
    public const string SystemActor = "system";
    public const string NoFreePlaceText = "no free place left";

    public static DecisionResult Accept(this ServiceDocument service, Guid offerId, string? actor, DateTimeOffset now)
    {
        var offer = service.PendingOffers.Find(o => o.OfferId == offerId);
        if (offer is null)
        {
            return DecisionResult.NotPending;
        }

        service.PendingOffers.Remove(offer);
        service.UpdatedAt = now;
        if (service.Available <= 0)
        {
            // The last place went to another referral first: this offer lapses and the referral moves on.
            var lapsed = Guid.NewGuid();
            service.Raise(
                new PlacementDeclined(lapsed, offer.ReferralId, now, SystemActor, offer.Attempt, offer.OfferId, service.ProviderId,
                    DeclineReason.NoCapacity, NoFreePlaceText),
                lapsed,
                now);
            return DecisionResult.NoCapacity;
        }

        service.Available--;
        service.Placements.Add(new Placement(offer.ReferralId, offer.OfferId, now));
        var accepted = Guid.NewGuid();
        service.Raise(
            new PlacementAccepted(accepted, offer.ReferralId, now, actor, offer.Attempt, offer.OfferId, service.ProviderId,
                service.ProviderName, service.ProviderPhone, service.Id),
            accepted,
            now);
        service.RaiseCapacityChanged(actor, now);
        return DecisionResult.Accepted;
    }

    public static DecisionResult Decline(
        this ServiceDocument service, Guid offerId, DeclineReason reason, string? text, string? actor, DateTimeOffset now)
    {
        var offer = service.PendingOffers.Find(o => o.OfferId == offerId);
        if (offer is null)
        {
            return DecisionResult.NotPending;
        }

        service.PendingOffers.Remove(offer);
        service.UpdatedAt = now;
        var declined = Guid.NewGuid();
        service.Raise(
            new PlacementDeclined(declined, offer.ReferralId, now, actor, offer.Attempt, offer.OfferId, service.ProviderId, reason, text),
            declined,
            now);
        return DecisionResult.Declined;
    }

    /// <summary>Records a new offer (once) and announces it.</summary>
    public static bool AddOffer(this ServiceDocument service, OfferRequested request, DateTimeOffset now)
    {
        if (service.PendingOffers.Any(o => o.OfferId == request.OfferId) || service.Placements.Any(p => p.OfferId == request.OfferId))
        {
            return false;
        }

        service.PendingOffers.Add(new PendingOffer(request.OfferId, request.ReferralId, request.Attempt, now));
        service.UpdatedAt = now;
        var offered = Guid.NewGuid();
        service.Raise(
            new PlacementOffered(offered, request.ReferralId, now, request.Attempt, request.OfferId, service.ProviderId,
                service.ProviderName, service.Id, request.Rank, request.Why),
            offered,
            now);
        return true;
    }

    /// <summary>Drops a referral's pending offers and returns the place it holds, if any.</summary>
    public static bool Release(this ServiceDocument service, Guid referralId, string? actor, DateTimeOffset now)
    {
        var changed = false;
        foreach (var offer in service.PendingOffers.Where(o => o.ReferralId == referralId).ToList())
        {
            service.PendingOffers.Remove(offer);
            var cancelled = Guid.NewGuid();
            service.Raise(new OfferCancelled(cancelled, referralId, now, offer.OfferId, service.Id), cancelled, now);
            changed = true;
        }

        if (service.Placements.RemoveAll(p => p.ReferralId == referralId) > 0)
        {
            service.Available = Math.Min(service.Maximum, service.Available + 1);
            service.RaiseCapacityChanged(actor, now);
            changed = true;
        }

        if (changed)
        {
            service.UpdatedAt = now;
        }

        return changed;
    }

    public static void RaiseCapacityChanged(this ServiceDocument service, string? actor, DateTimeOffset now)
    {
        service.CapacityUpdatedAt = now;
        var eventId = Guid.NewGuid();
        service.Raise(
            new CapacityChanged(eventId, now, actor, service.ProviderId, service.Id, service.ServiceType, service.Available, service.Maximum),
            eventId,
            now);
    }
}
