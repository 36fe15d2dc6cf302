using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Bus;

namespace Referrals.Intake.Events;

/// <summary>Whether a directory event may change the referral it names.</summary>
public enum Fit
{
    Fits,

    /// <summary>About another provider, offer or service: ignored, nothing changes.</summary>
    Ignore,

    /// <summary>About an offer not seen yet (its PlacementOffered is still on its way): try again later.</summary>
    Early,
}

/// <summary>
/// Tenant checks of the directory's events: an event may only change a referral it is about. An acceptance or a
/// decline must name the referral's current offer (offer id and provider); one for a newer attempt than any seen is
/// early (the offer is still in flight on another queue) and is retried. An offer or a waitlisting must be for the
/// referral's service type (waitlisting) and never for an anonymised referral.
/// </summary>
public static class MessageFit
{
    public static Fit Check(Referral referral, PlacementAccepted message) =>
        AnswerToOffer(referral, message.Attempt, message.OfferId, message.ProviderId);

    public static Fit Check(Referral referral, PlacementDeclined message) =>
        AnswerToOffer(referral, message.Attempt, message.OfferId, message.ProviderId);

    /// <summary>An offer names no tenant of the referral to compare, but it cannot take over the current offer's id for another provider.</summary>
    public static Fit Check(Referral referral, PlacementOffered message) =>
        referral.AnonymisedAt is null
        && !(referral.CurrentOffer is { } current && current.OfferId == message.OfferId && current.ProviderId != message.ProviderId)
            ? Fit.Fits
            : Fit.Ignore;

    public static Fit Check(Referral referral, ReferralWaitlisted message) =>
        referral.AnonymisedAt is null && string.Equals(referral.ServiceType, message.ServiceType, StringComparison.Ordinal)
            ? Fit.Fits
            : Fit.Ignore;

    private static Fit AnswerToOffer(Referral referral, int attempt, Guid offerId, string providerId)
    {
        if (referral.CurrentOffer is { } offer && offer.OfferId == offerId && string.Equals(offer.ProviderId, providerId, StringComparison.Ordinal))
        {
            return Fit.Fits;
        }

        return attempt > referral.LastAttempt && !ReferralStateMachine.IsFinal(referral.Status) && referral.AnonymisedAt is null
            ? Fit.Early
            : Fit.Ignore;
    }
}

/// <summary>Thrown so the consumer's retry policy delivers the message again once the offer it answers has arrived.</summary>
public sealed class MessageTooEarlyException(string messageType, Guid referralId)
    : MessageArrivedEarlyException($"{messageType} for referral {referralId} answers an offer not received yet.");
