using Referrals.Contracts.ProviderDirectory;
using Referrals.ProviderDirectory.ProviderServices;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>How decisions show in the offers read model. Only a pending offer changes, so a late message cannot undo a decision.</summary>
public static class OfferProjection
{
    public static bool Decide(this OfferDocument offer, OfferStatus status, DateTimeOffset at, string? reason = null, string? text = null)
    {
        if (offer.Status != OfferStatus.Pending)
        {
            return false;
        }

        offer.Status = status;
        offer.DecidedAt = at;
        offer.DeclineReason = reason;
        offer.DeclineText = text;
        return true;
    }

    /// <summary>Whether a message about this offer names its own referral, provider (and service, when given).</summary>
    public static bool IsOf(this OfferDocument offer, Guid referralId, string providerId, string? serviceId = null) =>
        offer.ReferralId == referralId
        && string.Equals(offer.ProviderId, providerId, StringComparison.Ordinal)
        && (serviceId is null || string.Equals(offer.ServiceId, serviceId, StringComparison.Ordinal));

    public static bool Declined(this OfferDocument offer, PlacementDeclined message)
    {
        var lapsed = message.Reason == DeclineReason.NoCapacity && message.Actor == OfferDecisions.SystemActor;
        return offer.Decide(lapsed ? OfferStatus.Lapsed : OfferStatus.Declined, message.OccurredAt, message.Reason.ToString(), message.ReasonText);
    }
}
