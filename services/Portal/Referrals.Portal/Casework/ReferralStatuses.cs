namespace Referrals.Portal.Casework;

/// <summary>The referral states as the API names them, in lifecycle order.</summary>
public static class ReferralStatuses
{
    public static readonly IReadOnlyList<string> All =
        ["Submitted", "NeedsInformation", "Rejected", "Matching", "Offered", "Waitlisted", "Placed", "Withdrawn", "Closed"];
}
