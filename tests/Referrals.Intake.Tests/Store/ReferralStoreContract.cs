using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Protection;
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
        Assert.Equal(PersonalCode, Protector.Unprotect(found.Client.ProtectedPersonalCode!, PersonalDataProtector.PersonalCodePurpose));
        Assert.Equal(Phone, Protector.Unprotect(found.Family.ProtectedPhone!, PersonalDataProtector.PhonePurpose));
        Assert.Equal(referral.Client.PersonalCodeHash, found.Client.PersonalCodeHash);
        Assert.Equal(("person", 2), (found.Consent?.GivenBy, found.Consent?.Purposes.Count));
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

        var submitted = await store.ListAsync(["LV-REZ"], ReferralStatus.Submitted, 100, Cancel);
        var anyStatus = await store.ListAsync(["LV-REZ"], null, 100, Cancel);
        var region = await store.ListAsync(["LV-REZ", "LV-077"], null, 100, Cancel);
        var everywhere = await store.ListAsync(null, ReferralStatus.Submitted, 100, Cancel);

        Assert.Equal([newer.Id, older.Id], submitted.Select(r => r.Id));
        Assert.Equal([matching.Id, newer.Id, older.Id], anyStatus.Select(r => r.Id));
        Assert.Contains(everywhere, r => r.Id == elsewhere.Id);
        Assert.DoesNotContain(everywhere, r => r.Id == matching.Id);
        Assert.Single(await store.ListAsync(["LV-REZ"], null, 1, Cancel));
        Assert.Equal(4, region.Count(r => r.Id == older.Id || r.Id == newer.Id || r.Id == matching.Id || r.Id == elsewhere.Id));
        Assert.Empty(await store.ListAsync([], null, 100, Cancel));
    }

    [Fact]
    public async Task Reads_for_the_report_the_window_and_the_waitlisted_of_the_municipalities_page_by_page()
    {
        var store = await CreateStoreAsync();
        var from = Now;
        var to = Now.AddDays(1);
        var inWindow = Enumerable.Range(0, 5).Select(i => NewReferral(municipality: "LV-REZ", at: Now.AddHours(i))).ToList();
        var sameInstant = NewReferral(municipality: "LV-REZ", at: Now.AddHours(2));
        var before = NewReferral(municipality: "LV-REZ", at: Now.AddSeconds(-1));
        var atEnd = NewReferral(municipality: "LV-REZ", at: to);
        var waitingSinceLastYear = NewReferral(municipality: "LV-REZ", at: Now.AddYears(-1));
        ReferralStateMachine.Apply(waitingSinceLastYear, Waitlisted(waitingSinceLastYear, 1), Now);
        var declined = inWindow[0];
        ReferralStateMachine.Apply(declined, Offered(declined, 1), Now);
        ReferralStateMachine.Apply(declined, Declined(declined, 1), Now);
        var elsewhere = NewReferral(municipality: "LV-077", at: Now);
        foreach (var referral in inWindow.Append(sameInstant).Append(before).Append(atEnd).Append(waitingSinceLastYear).Append(elsewhere))
        {
            Assert.True(await store.TryInsertAsync(referral, Cancel));
        }

        var pages = new List<IReadOnlyList<Referral>>();
        await foreach (var page in store.ReadForReportAsync(["LV-REZ"], from, to, 2, Cancel))
        {
            pages.Add(page);
        }

        var read = pages.SelectMany(p => p).ToList();
        Assert.All(pages, p => Assert.InRange(p.Count, 1, 2));
        Assert.Equal(
            inWindow.Append(sameInstant).Append(waitingSinceLastYear).Select(r => r.Id).Order(StringComparer.Ordinal),
            read.Select(r => r.Id).Order(StringComparer.Ordinal));
        var stored = read.Single(r => r.Id == declined.Id);
        Assert.Equal(("LV-REZ", "day-care-centre", ReferralStatus.Matching, declined.SubmittedAt),
            (stored.Municipality, stored.ServiceType, stored.Status, stored.SubmittedAt));
        Assert.Equal(declined.Timeline.Select(l => (l.At, l.Status)), stored.Timeline.Select(l => (l.At, l.Status)));
        Assert.Equal(DeclineReason.NoCapacity, Assert.Single(stored.Declines).Reason);
        Assert.Equal(ReferralStatus.Waitlisted, read.Single(r => r.Id == waitingSinceLastYear.Id).Status);
        Assert.Empty(await ReadAllAsync(store.ReadForReportAsync([], from, to, 2, Cancel)));
        Assert.Single(await ReadAllAsync(store.ReadForReportAsync(["LV-077"], from, to, 2, Cancel)));
    }

    private static async Task<List<Referral>> ReadAllAsync(IAsyncEnumerable<IReadOnlyList<Referral>> pages)
    {
        var all = new List<Referral>();
        await foreach (var page in pages)
        {
            all.AddRange(page);
        }

        return all;
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

    [Fact]
    public async Task Finds_by_personal_code_hash_and_client_only_within_the_municipality()
    {
        var store = await CreateStoreAsync();
        var first = NewReferral(municipality: "LV-REZ", at: Now);
        var second = NewReferral(municipality: "LV-REZ", at: Now.AddHours(1));
        second.Client.ClientId = first.Client.ClientId;
        var elsewhere = NewReferral(municipality: "LV-077", at: Now);
        elsewhere.Client.ClientId = first.Client.ClientId;
        var someoneElse = NewReferral(municipality: "LV-REZ", at: Now);
        someoneElse.Client.PersonalCodeHash = Protector.PersonalCodeHash("320000-00000");
        foreach (var referral in new[] { first, second, elsewhere, someoneElse })
        {
            Assert.True(await store.TryInsertAsync(referral, Cancel));
        }

        var byHash = await store.FindByPersonalCodeHashAsync("LV-REZ", Protector.PersonalCodeHash(PersonalCode), 10, Cancel);
        var byClient = await store.ListByClientAsync("LV-REZ", first.Client.ClientId, 10, Cancel);

        Assert.Equal([second.Id, first.Id], byHash.Select(r => r.Id));
        Assert.Equal([second.Id, first.Id], byClient.Select(r => r.Id));
        Assert.Empty(await store.FindByPersonalCodeHashAsync("LV-DGV", Protector.PersonalCodeHash(PersonalCode), 10, Cancel));
    }

    [Fact]
    public async Task Lists_expired_final_referrals_that_are_not_anonymised_oldest_first()
    {
        var store = await CreateStoreAsync();
        var old = Withdrawn(Now.AddYears(-6));
        var older = Withdrawn(Now.AddYears(-7));
        var recent = Withdrawn(Now.AddYears(-1));
        var open = NewReferral(at: Now.AddYears(-8));
        var done = Withdrawn(Now.AddYears(-9));
        Assert.True(ReferralStateMachine.Anonymise(done, Now.AddYears(-9)));
        foreach (var referral in new[] { old, older, recent, open, done })
        {
            Assert.True(await store.TryInsertAsync(referral, Cancel));
        }

        var expired = await store.ListExpiredAsync(Now.AddYears(-5), 10, Cancel);

        Assert.Equal([older.Id, old.Id], expired.Select(r => r.Id));

        static Referral Withdrawn(DateTimeOffset at)
        {
            var referral = NewReferral(at: at);
            Assert.True(ReferralStateMachine.Withdraw(referral, "moved", "sw-1", at));
            return referral;
        }
    }
}
