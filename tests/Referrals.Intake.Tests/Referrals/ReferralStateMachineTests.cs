using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Intake.Referrals;
using static Referrals.Intake.Tests.Referrals.ReferralFixtures;

namespace Referrals.Intake.Tests.Referrals;

public sealed class ReferralStateMachineTests
{
    private static readonly DateTimeOffset Later = Now.AddMinutes(5);

    [Fact]
    public void Submit_raises_ReferralSubmitted_and_status_change_1_from_Submitted_to_Submitted()
    {
        var referral = NewReferral();

        Assert.Equal(ReferralStatus.Submitted, referral.Status);
        var submitted = Assert.Single(referral.Raised<ReferralSubmitted>());
        Assert.Equal(referral.ReferralGuid(), submitted.ReferralId);
        Assert.Equal(referral.ShortCode, submitted.ShortCode);
        Assert.Equal("LV-DGV", submitted.DeclaredMunicipalityCode);
        Assert.Equal(new DateOnly(1975, 11, 16), submitted.DateOfBirth);
        Assert.Equal("female", submitted.Gender);
        Assert.Equal(["application", "id-document"], submitted.Documents);
        Assert.Equal(new FamilyContact("+37120000001", "ru"), submitted.Contact);
        var change = Assert.Single(referral.Raised<ReferralStatusChanged>());
        Assert.Equal((1, ReferralStatus.Submitted, ReferralStatus.Submitted), (change.Sequence, change.From, change.To));
        Assert.Equal("day-care-centre", change.ServiceType);
        var line = Assert.Single(referral.Timeline);
        Assert.Equal(("ReferralSubmitted", ReferralStatus.Submitted, "sw-daugavpils-1"), (line.Event, line.Status, line.Actor));
    }

    [Fact]
    public void ReferralSubmitted_never_carries_personal_code_name_or_address()
    {
        var referral = NewReferral();

        var body = Assert.Single(referral.Outbox, e => e.MessageType.Contains(nameof(ReferralSubmitted), StringComparison.Ordinal)).Body;
        Assert.DoesNotContain("161175", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bērziņa", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Rīgas iela", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_sms_consent_ReferralSubmitted_has_no_contact()
    {
        var referral = NewReferral(smsConsent: false);

        Assert.Null(Assert.Single(referral.Raised<ReferralSubmitted>()).Contact);
    }

    [Theory]
    [InlineData(EligibilityOutcome.Eligible, ReferralStatus.Matching, null)]
    [InlineData(EligibilityOutcome.NotEligible, ReferralStatus.Rejected, "Nav deklarēts pašvaldībā")]
    [InlineData(EligibilityOutcome.NeedsInformation, ReferralStatus.NeedsInformation, "Trūkst ģimenes ārsta izziņas")]
    public void Assessment_decides_the_next_status(EligibilityOutcome outcome, ReferralStatus expected, string? reason)
    {
        var referral = NewReferral();

        ReferralStateMachine.Apply(referral, Assessed(referral, outcome), Later);

        Assert.Equal(expected, referral.Status);
        Assert.Equal(outcome, referral.Eligibility?.Outcome);
        Assert.Equal(3, referral.Eligibility?.Results.Count);
        var change = referral.Raised<ReferralStatusChanged>()[^1];
        Assert.Equal((2, ReferralStatus.Submitted, expected, reason), (change.Sequence, change.From, change.To, change.Reason));
        Assert.Equal(Later, referral.UpdatedAt);
        Assert.Equal(nameof(EligibilityAssessed), referral.Timeline[^1].Event);
    }

    [Fact]
    public void A_new_assessment_moves_a_referral_out_of_NeedsInformation()
    {
        var referral = NewReferral();
        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.NeedsInformation), Later);

        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);

        Assert.Equal(ReferralStatus.Matching, referral.Status);
        Assert.Equal([1, 2, 3], referral.Raised<ReferralStatusChanged>().Select(c => c.Sequence));
    }

    [Fact]
    public void Offer_then_decline_then_new_offer_then_accept_ends_Placed_with_provider_contact()
    {
        var referral = NewReferral();
        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);
        var first = Offered(referral, 1);
        ReferralStateMachine.Apply(referral, first, Later);
        Assert.Equal(ReferralStatus.Offered, referral.Status);
        Assert.Equal(first.OfferId, referral.CurrentOffer?.OfferId);

        ReferralStateMachine.Apply(referral, Declined(referral, 1, first.OfferId), Later);
        Assert.Equal(ReferralStatus.Matching, referral.Status);
        Assert.Null(referral.CurrentOffer);

        ReferralStateMachine.Apply(referral, Offered(referral, 2, "org-other"), Later);
        Assert.Equal(ReferralStatus.Offered, referral.Status);
        Assert.Equal(2, referral.CurrentOffer?.Attempt);

        ReferralStateMachine.Apply(referral, Accepted(referral, 2), Later);

        Assert.Equal(ReferralStatus.Placed, referral.Status);
        Assert.Null(referral.CurrentOffer);
        Assert.Equal("svc-dgv-dac", referral.Placement?.ServiceId);
        var changes = referral.Raised<ReferralStatusChanged>();
        Assert.Equal([1, 2, 3, 4, 5, 6], changes.Select(c => c.Sequence));
        Assert.Equal(
            [ReferralStatus.Submitted, ReferralStatus.Matching, ReferralStatus.Offered, ReferralStatus.Matching, ReferralStatus.Offered, ReferralStatus.Placed],
            changes.Select(c => c.To));
        Assert.Equal(new ProviderContact("org-dgv-dac", "Daugavpils DAC", "+37165400000"), changes[^1].Provider);
        Assert.Equal("provider-7", referral.Timeline[^1].Actor);
    }

    [Fact]
    public void Waitlisting_records_the_position_and_a_later_offer_clears_it()
    {
        var referral = NewReferral();
        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);

        ReferralStateMachine.Apply(referral, Waitlisted(referral, 1, position: 4), Later);

        Assert.Equal(ReferralStatus.Waitlisted, referral.Status);
        Assert.Equal(4, referral.WaitlistPosition);
        Assert.Equal(4, referral.Raised<ReferralStatusChanged>()[^1].WaitlistPosition);

        ReferralStateMachine.Apply(referral, Offered(referral, 2), Later);

        Assert.Equal(ReferralStatus.Offered, referral.Status);
        Assert.Null(referral.WaitlistPosition);
    }

    [Fact]
    public void Stale_offer_only_adds_a_timeline_line()
    {
        var referral = NewReferral();
        ReferralStateMachine.Apply(referral, Offered(referral, 2), Later);
        var current = referral.CurrentOffer;
        var events = referral.Outbox.Count;

        ReferralStateMachine.Apply(referral, Offered(referral, 1, "org-late"), Later);

        Assert.Equal(ReferralStatus.Offered, referral.Status);
        Assert.Same(current, referral.CurrentOffer);
        Assert.Equal(events, referral.Outbox.Count);
        Assert.Contains("ignored", referral.Timeline[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decline_of_an_older_attempt_does_not_undo_the_current_offer()
    {
        var referral = NewReferral();
        ReferralStateMachine.Apply(referral, Offered(referral, 1), Later);
        ReferralStateMachine.Apply(referral, Offered(referral, 2), Later);
        var events = referral.Outbox.Count;

        ReferralStateMachine.Apply(referral, Declined(referral, 1), Later);

        Assert.Equal(ReferralStatus.Offered, referral.Status);
        Assert.Equal(2, referral.CurrentOffer?.Attempt);
        Assert.Equal(events, referral.Outbox.Count);
        Assert.Equal(nameof(Contracts.ProviderDirectory.PlacementDeclined), referral.Timeline[^1].Event);
    }

    [Fact]
    public void Stale_waitlisting_only_adds_a_timeline_line()
    {
        var referral = NewReferral();
        ReferralStateMachine.Apply(referral, Offered(referral, 3), Later);
        var events = referral.Outbox.Count;

        ReferralStateMachine.Apply(referral, Waitlisted(referral, 2), Later);

        Assert.Equal(ReferralStatus.Offered, referral.Status);
        Assert.Null(referral.WaitlistPosition);
        Assert.Equal(events, referral.Outbox.Count);
    }

    [Fact]
    public void Decline_arriving_before_its_offer_makes_the_late_offer_stale()
    {
        var referral = NewReferral();

        ReferralStateMachine.Apply(referral, Declined(referral, 1), Later);
        Assert.Equal(ReferralStatus.Matching, referral.Status);

        ReferralStateMachine.Apply(referral, Offered(referral, 1), Later);

        Assert.Equal(ReferralStatus.Matching, referral.Status);
        Assert.Null(referral.CurrentOffer);
    }

    [Fact]
    public void Directory_event_before_the_assessment_implies_eligibility_and_the_late_assessment_only_adds_a_line()
    {
        var referral = NewReferral();

        ReferralStateMachine.Apply(referral, Offered(referral, 1), Later);

        Assert.Equal(ReferralStatus.Offered, referral.Status);
        var change = referral.Raised<ReferralStatusChanged>()[^1];
        Assert.Equal((2, ReferralStatus.Submitted, ReferralStatus.Offered), (change.Sequence, change.From, change.To));
        Assert.Contains("eligibility implied", referral.Timeline[^1].Detail, StringComparison.Ordinal);
        var events = referral.Outbox.Count;

        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);

        Assert.Equal(ReferralStatus.Offered, referral.Status);
        Assert.Equal(events, referral.Outbox.Count);
        Assert.Equal(EligibilityOutcome.Eligible, referral.Eligibility?.Outcome);
        Assert.Equal(nameof(EligibilityAssessed), referral.Timeline[^1].Event);
        Assert.Contains("moved on", referral.Timeline[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Acceptance_arriving_first_places_the_referral()
    {
        var referral = NewReferral();

        ReferralStateMachine.Apply(referral, Accepted(referral, 1), Later);
        ReferralStateMachine.Apply(referral, Offered(referral, 1), Later);
        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);

        Assert.Equal(ReferralStatus.Placed, referral.Status);
        Assert.Equal([ReferralStatus.Submitted, ReferralStatus.Placed], referral.Raised<ReferralStatusChanged>().Select(c => c.To));
        Assert.Equal(4, referral.Timeline.Count);
    }

    [Fact]
    public void Placed_referral_ignores_later_offers_declines_and_waitlistings()
    {
        var referral = NewReferral();
        ReferralStateMachine.Apply(referral, Accepted(referral, 1), Later);
        var events = referral.Outbox.Count;

        ReferralStateMachine.Apply(referral, Offered(referral, 5), Later);
        ReferralStateMachine.Apply(referral, Declined(referral, 1), Later);
        ReferralStateMachine.Apply(referral, Waitlisted(referral, 6), Later);
        ReferralStateMachine.Apply(referral, Accepted(referral, 7), Later);

        Assert.Equal(ReferralStatus.Placed, referral.Status);
        Assert.Equal(events, referral.Outbox.Count);
        Assert.Equal(6, referral.Timeline.Count);
    }

    public static TheoryData<ReferralStatus> FinalStatuses => [ReferralStatus.Rejected, ReferralStatus.Withdrawn, ReferralStatus.Closed];

    [Theory]
    [MemberData(nameof(FinalStatuses))]
    public void Final_referral_only_records_events(ReferralStatus final)
    {
        var referral = InStatus(final);
        var events = referral.Outbox.Count;
        var lines = referral.Timeline.Count;

        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);
        ReferralStateMachine.Apply(referral, Offered(referral, 10), Later);
        ReferralStateMachine.Apply(referral, Declined(referral, 10), Later);
        ReferralStateMachine.Apply(referral, Waitlisted(referral, 11), Later);
        ReferralStateMachine.Apply(referral, Accepted(referral, 12), Later);

        Assert.Equal(final, referral.Status);
        Assert.Equal(events, referral.Outbox.Count);
        Assert.Equal(lines + 5, referral.Timeline.Count);
        Assert.All(referral.Timeline.Skip(lines), line => Assert.Equal(final, line.Status));
        Assert.False(ReferralStateMachine.Withdraw(referral, "again", null, Later));
        Assert.False(ReferralStateMachine.Close(referral, ReferralOutcome.NeedMet, null, null, Later));
        Assert.Equal(events, referral.Outbox.Count);
    }

    [Theory]
    [InlineData(ReferralStatus.Submitted)]
    [InlineData(ReferralStatus.NeedsInformation)]
    [InlineData(ReferralStatus.Matching)]
    [InlineData(ReferralStatus.Offered)]
    [InlineData(ReferralStatus.Waitlisted)]
    public void Withdraw_from_any_open_state_raises_ReferralWithdrawn_and_a_status_change_with_the_reason(ReferralStatus from)
    {
        var referral = InStatus(from);
        var sequence = referral.StatusSequence;

        Assert.True(ReferralStateMachine.Withdraw(referral, "Family moved abroad", "sw-1", Later));

        Assert.Equal(ReferralStatus.Withdrawn, referral.Status);
        var withdrawn = Assert.Single(referral.Raised<ReferralWithdrawn>());
        Assert.Equal(("Family moved abroad", "sw-1"), (withdrawn.Reason, withdrawn.Actor));
        var change = referral.Raised<ReferralStatusChanged>()[^1];
        Assert.Equal((sequence + 1, from, ReferralStatus.Withdrawn, "Family moved abroad"), (change.Sequence, change.From, change.To, change.Reason));
        Assert.Equal(("ReferralWithdrawn", "sw-1"), (referral.Timeline[^1].Event, referral.Timeline[^1].Actor));
    }

    [Fact]
    public void Placed_cannot_be_withdrawn_only_closed()
    {
        var referral = InStatus(ReferralStatus.Placed);
        var events = referral.Outbox.Count;

        Assert.False(ReferralStateMachine.Withdraw(referral, "x", null, Later));
        Assert.Equal(events, referral.Outbox.Count);

        Assert.True(ReferralStateMachine.Close(referral, ReferralOutcome.PartiallyMet, "Moved to a care home", "sw-1", Later));

        Assert.Equal(ReferralStatus.Closed, referral.Status);
        Assert.Equal(ReferralOutcome.PartiallyMet, referral.Outcome);
        var closed = Assert.Single(referral.Raised<ReferralClosed>());
        Assert.Equal((ReferralOutcome.PartiallyMet, "Moved to a care home"), (closed.Outcome, closed.Note));
        var change = referral.Raised<ReferralStatusChanged>()[^1];
        Assert.Equal((ReferralStatus.Placed, ReferralStatus.Closed, "PartiallyMet"), (change.From, change.To, change.Reason));
    }

    [Theory]
    [InlineData(ReferralStatus.Submitted)]
    [InlineData(ReferralStatus.NeedsInformation)]
    [InlineData(ReferralStatus.Matching)]
    [InlineData(ReferralStatus.Offered)]
    [InlineData(ReferralStatus.Waitlisted)]
    public void Close_is_refused_unless_Placed(ReferralStatus from)
    {
        var referral = InStatus(from);
        var events = referral.Outbox.Count;

        Assert.False(ReferralStateMachine.Close(referral, ReferralOutcome.NeedMet, null, null, Later));

        Assert.Equal(from, referral.Status);
        Assert.Equal(events, referral.Outbox.Count);
    }

    [Fact]
    public void Sms_status_adds_a_timeline_line_only()
    {
        var referral = InStatus(ReferralStatus.Closed);
        var events = referral.Outbox.Count;

        ReferralStateMachine.Apply(referral, Sms(referral, 3, SmsState.Delivered), Later);

        Assert.Equal(ReferralStatus.Closed, referral.Status);
        Assert.Equal(events, referral.Outbox.Count);
        Assert.Equal(("SmsStatusChanged", "SMS #3 Delivered"), (referral.Timeline[^1].Event, referral.Timeline[^1].Detail));
    }

    [Fact]
    public void Sequence_numbers_are_consecutive_across_a_whole_life()
    {
        var referral = InStatus(ReferralStatus.Closed);

        var changes = referral.Raised<ReferralStatusChanged>();

        Assert.Equal(Enumerable.Range(1, changes.Count), changes.Select(c => c.Sequence));
        Assert.Equal(changes.Count, referral.StatusSequence);
        Assert.All(changes.Skip(1), c => Assert.NotEqual(c.From, c.To));
    }

    /// <summary>A referral driven to a status through the machine itself.</summary>
    private static Referral InStatus(ReferralStatus status)
    {
        var referral = NewReferral();
        switch (status)
        {
            case ReferralStatus.Submitted:
                break;
            case ReferralStatus.NeedsInformation:
                ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.NeedsInformation), Later);
                break;
            case ReferralStatus.Rejected:
                ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.NotEligible), Later);
                break;
            case ReferralStatus.Matching:
                ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);
                break;
            case ReferralStatus.Offered:
                ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);
                ReferralStateMachine.Apply(referral, Offered(referral, 1), Later);
                break;
            case ReferralStatus.Waitlisted:
                ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);
                ReferralStateMachine.Apply(referral, Waitlisted(referral, 1), Later);
                break;
            case ReferralStatus.Placed:
                ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);
                ReferralStateMachine.Apply(referral, Offered(referral, 1), Later);
                ReferralStateMachine.Apply(referral, Accepted(referral, 1), Later);
                break;
            case ReferralStatus.Withdrawn:
                Assert.True(ReferralStateMachine.Withdraw(referral, "No longer needed", null, Later));
                break;
            case ReferralStatus.Closed:
                ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Later);
                ReferralStateMachine.Apply(referral, Offered(referral, 1), Later);
                ReferralStateMachine.Apply(referral, Accepted(referral, 1), Later);
                Assert.True(ReferralStateMachine.Close(referral, ReferralOutcome.NeedMet, null, null, Later));
                break;
        }

        Assert.Equal(status, referral.Status);
        return referral;
    }
}
