using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Assessments;
using Xunit;

namespace Referrals.Eligibility.Tests.Assessments;

/// <summary>What every <see cref="IAssessmentStore"/> adapter must do; run once per adapter.</summary>
public abstract class AssessmentStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IAssessmentStore> CreateStoreAsync();

    [Fact]
    public async Task An_added_assessment_is_found_with_everything_it_recorded()
    {
        var store = await CreateStoreAsync();
        var referralId = Guid.NewGuid();
        var assessment = Samples.Assessment(referralId);
        assessment.RememberProcessed(Guid.NewGuid());

        Assert.True(await store.TryAddAsync(assessment, Ct));
        var found = await store.FindAsync(referralId, Ct);

        Assert.NotNull(found);
        Assert.Equal(referralId, found.ReferralId);
        Assert.Equal(referralId.ToString(), found.Id);
        Assert.Equal(EligibilityOutcome.NotEligible, found.Outcome);
        Assert.Equal("2026.1", found.RuleSetVersion);
        Assert.Equal(Samples.Now, found.AssessedAt);
        Assert.Equal(assessment.RuleResults(), found.RuleResults());
        Assert.Equal(assessment.ProcessedMessageIds, found.ProcessedMessageIds);
        Assert.Equal(1, found.Version);
    }

    [Fact]
    public async Task A_second_assessment_of_the_same_referral_is_refused_and_the_first_kept()
    {
        var store = await CreateStoreAsync();
        var referralId = Guid.NewGuid();
        Assert.True(await store.TryAddAsync(Samples.Assessment(referralId, EligibilityOutcome.NotEligible), Ct));

        Assert.False(await store.TryAddAsync(Samples.Assessment(referralId, EligibilityOutcome.Eligible), Ct));

        Assert.Equal(EligibilityOutcome.NotEligible, (await store.FindAsync(referralId, Ct))!.Outcome);
    }

    [Fact]
    public async Task An_unknown_referral_has_no_assessment()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.FindAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Events_raised_with_the_assessment_are_pending_until_published()
    {
        var store = await CreateStoreAsync();
        var referralId = Guid.NewGuid();
        var assessment = Samples.Assessment(referralId);
        var eventId = Guid.NewGuid();
        assessment.Raise(new EligibilityAssessed(eventId, referralId, Samples.Now, assessment.Outcome, "2026.1", assessment.RuleResults()), eventId, Samples.Now);
        Assert.True(await store.TryAddAsync(assessment, Ct));

        var pending = await store.Outbox.FindPendingAsync(10, Ct);
        Assert.Equal(eventId, Assert.Single(Assert.Single(pending, p => p.DocumentId == referralId.ToString()).Events).MessageId);

        await store.Outbox.RemovePublishedAsync(referralId.ToString(), [eventId], Ct);

        Assert.DoesNotContain(await store.Outbox.FindPendingAsync(10, Ct), p => p.DocumentId == referralId.ToString());
        Assert.Empty((await store.FindAsync(referralId, Ct))!.Outbox);
    }

    [Fact]
    public async Task Only_unflagged_assessments_waiting_for_information_past_their_due_day_are_newly_overdue()
    {
        var store = await CreateStoreAsync();
        var today = new DateOnly(2026, 7, 16);
        var overdue = await AddAsync(store, EligibilityOutcome.NeedsInformation, new DateOnly(2026, 7, 15));
        var dueToday = await AddAsync(store, EligibilityOutcome.NeedsInformation, today);
        var decided = await AddAsync(store, EligibilityOutcome.NotEligible, new DateOnly(2026, 7, 1));
        var older = await AddAsync(store, EligibilityOutcome.NeedsInformation, new DateOnly(2026, 7, 1));

        var found = (await store.FindNewlyOverdueAsync(today, 100, Ct)).Select(a => a.ReferralId).ToList();

        Assert.Equal(new[] { older, overdue }, found.Where(id => id == older || id == overdue));
        Assert.DoesNotContain(dueToday, found);
        Assert.DoesNotContain(decided, found);
    }

    [Fact]
    public async Task A_flagged_assessment_is_listed_as_overdue_and_no_longer_newly_overdue()
    {
        var store = await CreateStoreAsync();
        var referralId = await AddAsync(store, EligibilityOutcome.NeedsInformation, new DateOnly(2026, 7, 15));

        var saved = await store.UpdateAsync(referralId, a =>
        {
            a.OverdueSince = Samples.Now.AddDays(31);
            return true;
        }, Ct);

        Assert.Equal(2, saved!.Version);
        Assert.DoesNotContain(await store.FindNewlyOverdueAsync(new DateOnly(2026, 8, 1), 100, Ct), a => a.ReferralId == referralId);
        var listed = Assert.Single(await store.ListOverdueAsync(null, 100, Ct), a => a.ReferralId == referralId);
        Assert.Equal(Samples.Now.AddDays(31), listed.OverdueSince);
        Assert.Equal(new DateOnly(2026, 7, 15), listed.DecisionDueOn);
        Assert.Null(await store.UpdateAsync(Guid.NewGuid(), _ => true, Ct));
    }

    [Fact]
    public async Task The_overdue_list_can_be_narrowed_to_the_referring_municipalities()
    {
        var store = await CreateStoreAsync();
        var dgv = await AddAsync(store, EligibilityOutcome.NeedsInformation, new DateOnly(2026, 7, 15), "LV-DGV");
        var rez = await AddAsync(store, EligibilityOutcome.NeedsInformation, new DateOnly(2026, 7, 16), "LV-REZ");
        var rix = await AddAsync(store, EligibilityOutcome.NeedsInformation, new DateOnly(2026, 7, 17), "LV-RIX");
        foreach (var id in new[] { dgv, rez, rix })
        {
            await store.UpdateAsync(id, a =>
            {
                a.OverdueSince = Samples.Now.AddDays(40);
                return true;
            }, Ct);
        }

        Assert.Equal([dgv], (await store.ListOverdueAsync(["LV-DGV"], 100, Ct)).Select(a => a.ReferralId));
        Assert.Equal([dgv, rez], (await store.ListOverdueAsync(["LV-REZ", "LV-DGV"], 100, Ct)).Select(a => a.ReferralId));
        Assert.Empty(await store.ListOverdueAsync([], 100, Ct));
        Assert.Equal("LV-REZ", (await store.FindAsync(rez, Ct))!.Municipality);
    }

    private static async Task<Guid> AddAsync(IAssessmentStore store, EligibilityOutcome outcome, DateOnly due, string municipality = "LV-REZ")
    {
        var referralId = Guid.NewGuid();
        var assessment = Samples.Assessment(referralId, outcome);
        assessment.Municipality = municipality;
        assessment.DocumentsCompleteOn = due.AddMonths(-1);
        assessment.DecisionDueOn = due;
        Assert.True(await store.TryAddAsync(assessment, Ct));
        return referralId;
    }
}
