using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Intake.Referrals;
using Referrals.Intake.Store;
using static Referrals.Intake.Tests.Referrals.ReferralFixtures;

namespace Referrals.Intake.Tests.Store;

/// <summary>What every <see cref="IReferralStore"/> adapter must do; one subclass per adapter.</summary>
public abstract class ReferralStoreContract
{
    protected abstract Task<IReferralStore> CreateStoreAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Round_trips_the_whole_document()
    {
        var store = await CreateStoreAsync();
        var referral = NewReferral(idempotencyKey: "key-" + Guid.NewGuid());
        ReferralStateMachine.Apply(referral, Assessed(referral, EligibilityOutcome.Eligible), Now);
        ReferralStateMachine.Apply(referral, Offered(referral, 1), Now);
        ReferralStateMachine.Apply(referral, Accepted(referral, 1), Now);
        Assert.True(ReferralStateMachine.Close(referral, ReferralOutcome.NeedMet, "ok", "sw-1", Now));

        Assert.True(await store.TryInsertAsync(referral, Cancel));
        var found = await store.FindAsync(referral.ReferralGuid(), Cancel);

        Assert.NotNull(found);
        Assert.Equal(1, found.Version);
        Assert.Equal(referral.ShortCode, found.ShortCode);
        Assert.Equal(ReferralStatus.Closed, found.Status);
        Assert.Equal(referral.StatusSequence, found.StatusSequence);
        Assert.Equal(new DateOnly(1975, 11, 16), found.Client.DateOfBirth);
        Assert.Equal(referral.Client.ClientId, found.Client.ClientId);
        Assert.Equal("161175-19997", found.Client.PersonalCode);
        Assert.Equal("+37120000001", found.Family.Phone);
        Assert.Equal(["application", "id-document"], found.Documents);
        Assert.Equal(EligibilityOutcome.Eligible, found.Eligibility?.Outcome);
        Assert.Equal(RuleVerdict.Passed, found.Eligibility?.Results[0].Verdict);
        Assert.Equal("+37165400000", found.Placement?.ProviderPhone);
        Assert.Equal(ReferralOutcome.NeedMet, found.Outcome);
        Assert.Equal(referral.Timeline.Count, found.Timeline.Count);
        Assert.Equal(referral.Timeline[^1].Status, found.Timeline[^1].Status);
        Assert.Equal(referral.SubmittedAt, found.SubmittedAt);
        Assert.Equal(referral.Outbox.Select(e => e.MessageId), found.Outbox.Select(e => e.MessageId));
        Assert.Equal(referral.IdempotencyKey, found.IdempotencyKey);
        Assert.Equal(referral.RequestHash, found.RequestHash);
    }

    [Fact]
    public async Task Unknown_id_is_not_found()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.FindAsync(Guid.NewGuid(), Cancel));
        Assert.Null(await store.UpdateAsync(Guid.NewGuid(), _ => true, null, Cancel));
    }

    [Fact]
    public async Task Idempotency_key_is_unique_but_referrals_without_one_do_not_collide()
    {
        var store = await CreateStoreAsync();
        var key = "key-" + Guid.NewGuid();
        var first = NewReferral(idempotencyKey: key);

        Assert.True(await store.TryInsertAsync(first, Cancel));
        Assert.False(await store.TryInsertAsync(NewReferral(idempotencyKey: key), Cancel));
        Assert.True(await store.TryInsertAsync(NewReferral(), Cancel));
        Assert.True(await store.TryInsertAsync(NewReferral(), Cancel));

        Assert.Equal(first.Id, (await store.FindByIdempotencyKeyAsync(key, Cancel))?.Id);
        Assert.Null(await store.FindByIdempotencyKeyAsync("other-" + key, Cancel));
    }

    [Fact]
    public async Task Short_code_is_unique()
    {
        var store = await CreateStoreAsync();
        var first = NewReferral();
        var second = NewReferral();
        second.ShortCode = first.ShortCode;

        Assert.True(await store.TryInsertAsync(first, Cancel));
        Assert.False(await store.TryInsertAsync(second, Cancel));
        Assert.Null(await store.FindAsync(second.ReferralGuid(), Cancel));
    }

    [Fact]
    public async Task Update_applies_a_message_once()
    {
        var store = await CreateStoreAsync();
        var referral = NewReferral();
        Assert.True(await store.TryInsertAsync(referral, Cancel));
        var messageId = Guid.NewGuid();
        var assessed = Assessed(referral, EligibilityOutcome.Eligible);

        var first = await store.UpdateAsync(referral.ReferralGuid(), r =>
        {
            ReferralStateMachine.Apply(r, assessed, Now);
            return true;
        }, messageId, Cancel);
        var again = await store.UpdateAsync(referral.ReferralGuid(), r =>
        {
            ReferralStateMachine.Apply(r, assessed, Now);
            return true;
        }, messageId, Cancel);

        Assert.Equal(ReferralStatus.Matching, first?.Status);
        Assert.Equal(2, again?.Version);
        var stored = await store.FindAsync(referral.ReferralGuid(), Cancel);
        Assert.Equal(2, stored?.Timeline.Count);
        Assert.Equal(2, stored?.StatusSequence);
        Assert.Contains(messageId, stored!.ProcessedMessageIds);
    }

    [Fact]
    public async Task Lists_by_municipality_and_status_newest_first()
    {
        var store = await CreateStoreAsync();
        var older = NewReferral(municipality: "LV-REZ", at: Now);
        var newer = NewReferral(municipality: "LV-REZ", at: Now.AddHours(1));
        var matching = NewReferral(municipality: "LV-REZ", at: Now.AddHours(2));
        ReferralStateMachine.Apply(matching, Assessed(matching, EligibilityOutcome.Eligible), Now.AddHours(3));
        var elsewhere = NewReferral(municipality: "LV-077", at: Now);
        foreach (var referral in new[] { older, newer, matching, elsewhere })
        {
            Assert.True(await store.TryInsertAsync(referral, Cancel));
        }

        var submitted = await store.ListAsync("LV-REZ", ReferralStatus.Submitted, 100, Cancel);
        var anyStatus = await store.ListAsync("LV-REZ", null, 100, Cancel);
        var everywhere = await store.ListAsync(null, ReferralStatus.Submitted, 100, Cancel);

        Assert.Equal([newer.Id, older.Id], submitted.Select(r => r.Id));
        Assert.Equal([matching.Id, newer.Id, older.Id], anyStatus.Select(r => r.Id));
        Assert.Contains(everywhere, r => r.Id == elsewhere.Id);
        Assert.DoesNotContain(everywhere, r => r.Id == matching.Id);
        Assert.Single(await store.ListAsync("LV-REZ", null, 1, Cancel));
    }

    [Fact]
    public async Task The_collection_is_an_outbox_source_for_pending_events()
    {
        var store = await CreateStoreAsync();
        var referral = NewReferral();
        Assert.True(await store.TryInsertAsync(referral, Cancel));

        var pending = await store.Outbox.FindPendingAsync(500, Cancel);
        var mine = Assert.Single(pending, p => p.DocumentId == referral.Id);
        Assert.Equal(2, mine.Events.Count);

        await store.Outbox.RemovePublishedAsync(referral.Id, mine.Events.Select(e => e.MessageId).ToList(), Cancel);

        Assert.DoesNotContain(await store.Outbox.FindPendingAsync(500, Cancel), p => p.DocumentId == referral.Id);
        Assert.Empty((await store.FindAsync(referral.ReferralGuid(), Cancel))!.Outbox);
    }
}
