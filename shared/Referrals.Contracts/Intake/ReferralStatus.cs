namespace Referrals.Contracts.Intake;

/// <summary>Where a referral stands, as Intake (its owner) sees it.</summary>
public enum ReferralStatus
{
    Submitted,
    NeedsInformation,
    Rejected,
    Matching,
    Offered,
    Waitlisted,
    Placed,
    Withdrawn,
    Closed,
}
