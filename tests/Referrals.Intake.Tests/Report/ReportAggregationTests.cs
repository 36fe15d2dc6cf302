using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Http;
using Referrals.Intake.Referrals;
using Referrals.Intake.Report;
using static Referrals.Intake.Tests.Referrals.ReferralFixtures;

namespace Referrals.Intake.Tests.Report;

/// <summary>The report's rules: percentiles, when a decision and a placement happened, declines once per offer, the window.</summary>
public sealed class ReportAggregationTests
{
    /// <summary>1 Feb – 31 Mar 2026 in Riga; the fixtures' <see cref="Now"/> (2 March) is inside.</summary>
    private static readonly ReportWindow Window = new(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31));

    [Fact]
    public void Median_is_the_middle_or_the_mean_of_the_two_middles_and_p90_the_nearest_rank()
    {
        var odd = DurationSummary.Of([5, 1, 3]);
        var even = DurationSummary.Of([4, 1, 3, 2]);
        var ten = DurationSummary.Of([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        var eleven = DurationSummary.Of([.. Enumerable.Range(1, 11).Select(i => (double)i)]);
        var none = DurationSummary.Of([]);

        Assert.Equal(new DurationSummary(3, 3, 5), odd);
        Assert.Equal(new DurationSummary(4, 2.5, 4), even);
        Assert.Equal(new DurationSummary(10, 5.5, 9), ten);
        Assert.Equal(new DurationSummary(11, 6, 10), eleven);
        Assert.Equal(new DurationSummary(0, null, null), none);
        Assert.Equal(1.3, DurationSummary.Of([1.25]).MedianHours);
    }

    [Fact]
    public void Decision_time_runs_to_the_first_decided_line_so_NeedsInformation_waits_for_the_later_decision()
    {
        var referral = NewReferral(at: Now);
        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.NeedsInformation), Now.AddHours(2));
        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Now.AddHours(50));
        ReferralStateMachine.Apply(referral, Offered(referral, 1), Now.AddHours(51));

        Assert.Equal(Now.AddHours(50), ReferralMilestones.DecidedAt(referral));
        Assert.Null(ReferralMilestones.PlacedAt(referral));
    }

    [Fact]
    public void An_offer_before_any_assessment_implies_the_decision_and_a_rejection_is_one()
    {
        var offered = NewReferral(at: Now);
        ReferralStateMachine.Apply(offered, Offered(offered, 1), Now.AddHours(3));
        var rejected = NewReferral(at: Now);
        ReferralStateMachine.Apply(rejected, Assessed(rejected, EligibilityOutcome.NotEligible), Now.AddHours(7));
        var withdrawn = NewReferral(at: Now);
        Assert.True(ReferralStateMachine.Withdraw(withdrawn, "moved away", "sw-1", Now.AddHours(1)));

        Assert.Equal(Now.AddHours(3), ReferralMilestones.DecidedAt(offered));
        Assert.Equal(Now.AddHours(7), ReferralMilestones.DecidedAt(rejected));
        Assert.Null(ReferralMilestones.DecidedAt(withdrawn));
    }

    [Fact]
    public void A_decline_is_recorded_once_per_offer_whatever_the_order_or_how_often_it_comes()
    {
        var referral = NewReferral(at: Now);
        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Now);
        ReferralStateMachine.Apply(referral, Offered(referral, 1), Now);
        var decline = Declined(referral, 1);
        ReferralStateMachine.Apply(referral, decline, Now.AddHours(1));
        ReferralStateMachine.Apply(referral, decline with { EventId = Guid.NewGuid() }, Now.AddHours(2));
        // The second provider's decline arrives before its offer.
        var early = Declined(referral, 2, offerId: Guid.NewGuid(), provider: "org-dgv-other") with { Reason = DeclineReason.OutOfServiceArea };
        ReferralStateMachine.Apply(referral, early, Now.AddHours(3));
        ReferralStateMachine.Apply(referral, Offered(referral, 2, "org-dgv-other") with { OfferId = early.OfferId }, Now.AddHours(4));
        ReferralStateMachine.Apply(referral, early, Now.AddHours(5));

        Assert.Equal(
            [(decline.OfferId, 1, "org-dgv-dac", DeclineReason.NoCapacity), (early.OfferId, 2, "org-dgv-other", DeclineReason.OutOfServiceArea)],
            referral.Declines.Select(d => (d.OfferId, d.Attempt, d.ProviderId, d.Reason)));
        Assert.Equal(decline.OccurredAt, referral.Declines[0].At);
    }

    [Fact]
    public void Rows_count_by_status_measure_durations_and_declines_and_the_waiting_list_is_everyone_waitlisted_now()
    {
        var placed = NewReferral(at: Now);
        ReferralStateMachine.Apply(placed, Assessed(placed, EligibilityOutcome.Eligible), Now.AddHours(10));
        ReferralStateMachine.Apply(placed, Offered(placed, 1), Now.AddHours(10));
        ReferralStateMachine.Apply(placed, Declined(placed, 1), Now.AddHours(11));
        ReferralStateMachine.Apply(placed, Offered(placed, 2), Now.AddHours(12));
        ReferralStateMachine.Apply(placed, Accepted(placed, 2) with { OccurredAt = Now.AddHours(30) }, Now.AddHours(30));
        var rejected = NewReferral(at: Now);
        ReferralStateMachine.Apply(rejected, Assessed(rejected, EligibilityOutcome.NotEligible), Now.AddHours(20));
        var waiting = NewReferral(at: Now);
        ReferralStateMachine.Apply(waiting, Waitlisted(waiting, 1), Now.AddHours(40));
        var waitingSinceLastYear = NewReferral(at: Now.AddYears(-1));
        ReferralStateMachine.Apply(waitingSinceLastYear, Waitlisted(waitingSinceLastYear, 1), Now.AddHours(1));
        var placedLastYear = NewReferral(at: Now.AddYears(-1));
        ReferralStateMachine.Apply(placedLastYear, Offered(placedLastYear, 1), Now.AddYears(-1));
        var elsewhere = NewReferral(municipality: "LV-REZ", at: Now);
        var report = new ReportAggregator(Window);

        foreach (var referral in new[] { placed, rejected, waiting, waitingSinceLastYear, placedLastYear, elsewhere })
        {
            report.Add(referral);
        }

        var rows = report.Rows();
        Assert.Equal([("LV-DGV", "day-care-centre"), ("LV-REZ", "day-care-centre")], rows.Select(r => (r.Municipality, r.ServiceType)));
        var row = rows[0];
        Assert.Equal((1, 1, 1, 0, 3), (row.ByStatus["Placed"], row.ByStatus["Rejected"], row.ByStatus["Waitlisted"], row.ByStatus["Submitted"], row.Total));
        Assert.Equal(2, row.Waitlisted);
        Assert.Equal(new DurationSummary(3, 20, 40), row.ToDecision);
        Assert.Equal(new DurationSummary(1, 30, 30), row.ToPlacement);
        Assert.Equal(1, row.DeclinesByReason["NoCapacity"]);
        Assert.Equal(0, row.DeclinesByReason["Other"]);
        Assert.Equal(Enum.GetNames<DeclineReason>().Length, row.DeclinesByReason.Count);
        Assert.Equal((1, 0, 0), (rows[1].Total, rows[1].ToDecision.Count, rows[1].Waitlisted));
    }

    [Fact]
    public void The_window_is_whole_Riga_days_with_a_default_of_twelve_months_and_a_maximum()
    {
        var errors = new ValidationErrors();
        // 31 Dec 2026 23:30 UTC is already 1 January 2027 in Riga.
        var defaulted = ReportWindow.Parse(null, null, new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), errors)!;
        var march = ReportWindow.Parse("2026-03-01", "2026-03-31", Now, errors)!;

        Assert.Equal((new DateOnly(2026, 1, 2), new DateOnly(2027, 1, 1)), (defaulted.From, defaulted.To));
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 22, 0, 0, TimeSpan.Zero), march.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 21, 0, 0, TimeSpan.Zero), march.End);
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("2026-13-01", null, "from")]
    [InlineData(null, "yesterday", "to")]
    [InlineData("2026-03-10", "2026-03-09", "to")]
    [InlineData("2023-01-01", "2026-03-01", "from")]
    [InlineData("0001-01-01", "0001-01-01", "from")]
    [InlineData(null, "9999-12-31", "to")]
    public void A_bad_window_names_its_field(string? from, string? to, string field)
    {
        var errors = new ValidationErrors();

        var window = ReportWindow.Parse(from, to, Now, errors);

        Assert.Null(window);
        Assert.True(errors.Has(field));
    }
}
