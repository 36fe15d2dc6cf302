namespace Referrals.ProviderDirectory.Requests;

/// <summary>A message about a referral whose <c>ReferralSubmitted</c> has not arrived yet; retried later.</summary>
public sealed class PlacementRequestMissingException(Guid referralId)
    : Exception($"No placement request for referral {referralId} yet.");
