using Referrals.Contracts.Intake;
using Referrals.Intake.Referrals;

namespace Referrals.Intake.Report;

/// <summary>When a referral reached the points the report measures, read from the document as stored.</summary>
public static class ReferralMilestones
{
    /// <summary>
    /// The eligibility decision: the first timeline line whose status left Submitted/NeedsInformation for a decided
    /// one (Matching or Rejected, or Offered/Waitlisted/Placed when the directory's event implied eligibility). Read
    /// from the timeline, so referrals stored before this report existed count too; a referral withdrawn before a
    /// decision has none.
    /// </summary>
    public static DateTimeOffset? DecidedAt(Referral referral) =>
        referral.Timeline.FirstOrDefault(line => IsDecided(line.Status))?.At;

    /// <summary>When the provider accepted the placement; null unless placed (or closed after a placement).</summary>
    public static DateTimeOffset? PlacedAt(Referral referral) => referral.Placement?.AcceptedAt;

    private static bool IsDecided(ReferralStatus status) => status is ReferralStatus.Matching or ReferralStatus.Rejected
        or ReferralStatus.Offered or ReferralStatus.Waitlisted or ReferralStatus.Placed;
}
