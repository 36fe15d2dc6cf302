using Referrals.Messaging.Bus;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>A message about a referral whose <c>ReferralSubmitted</c> has not arrived yet; retried later.</summary>
public sealed class PlacementRequestMissingException(Guid referralId)
    : MessageArrivedEarlyException($"No placement request for referral {referralId} yet.");
