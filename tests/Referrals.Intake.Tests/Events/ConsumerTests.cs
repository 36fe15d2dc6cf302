using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Audit;
using Referrals.Intake.Events;
using Referrals.Intake.Referrals;
using Referrals.Intake.Store;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Testing;
using static Referrals.Intake.Tests.Referrals.ReferralFixtures;

namespace Referrals.Intake.Tests.Events;

/// <summary>The consumers on the MassTransit test harness, over a real SQLite store.</summary>
public sealed class ConsumerTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _services;
    private readonly IReferralStore _store;
    private readonly IAuditTrail _audit;
    private readonly ITestHarness _harness;
    private readonly ConsumeCounter _deliveries = new();

    public ConsumerTests()
    {
        _store = new SqliteReferralStore(new SqliteDatabase(_directory.SqliteConnectionString("intake")));
        _audit = new SqliteAuditTrail(new SqliteDatabase(_directory.SqliteConnectionString("intake")));
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_store)
            .AddSingleton(_audit)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now.AddHours(1)))
            .AddSingleton<OutboxPublisher>()
            .AddSingleton<ReferralMessages>()
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<EligibilityAssessedConsumer, EligibilityAssessedConsumerDefinition>();
                bus.AddConsumer<PlacementOfferedConsumer, PlacementOfferedConsumerDefinition>();
                bus.AddConsumer<PlacementDeclinedConsumer, PlacementDeclinedConsumerDefinition>();
                bus.AddConsumer<ReferralWaitlistedConsumer, ReferralWaitlistedConsumerDefinition>();
                bus.AddConsumer<PlacementAcceptedConsumer, PlacementAcceptedConsumerDefinition>();
                bus.AddConsumer<SmsStatusChangedConsumer, SmsStatusChangedConsumerDefinition>();
            })
            .BuildServiceProvider(validateScopes: true);
        _harness = _services.GetRequiredService<ITestHarness>();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _harness.Start();
        _harness.Bus.ConnectConsumeObserver(_deliveries);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop(Cancel);
        await _services.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Eligible_assessment_moves_the_referral_to_Matching_and_announces_change_2()
    {
        var referral = await StoredReferralAsync();

        await DeliverAsync(Assessed(referral, EligibilityOutcome.Eligible), Guid.NewGuid());

        var stored = await _store.FindAsync(referral.ReferralGuid(), Cancel);
        Assert.Equal(ReferralStatus.Matching, stored?.Status);
        Assert.Empty(stored!.Outbox);
        var change = Assert.Single(Changes(referral));
        Assert.Equal((2, ReferralStatus.Submitted, ReferralStatus.Matching), (change.Sequence, change.From, change.To));
    }

    [Fact]
    public async Task Redelivered_message_has_exactly_one_effect_and_one_status_change()
    {
        var referral = await StoredReferralAsync();
        var offered = Offered(referral, 1);
        var messageId = Guid.NewGuid();

        await DeliverAsync(offered, messageId);
        await DeliverAsync(offered, messageId);

        Assert.Equal(2, _deliveries.Count(messageId));
        var stored = await _store.FindAsync(referral.ReferralGuid(), Cancel);
        Assert.Equal(ReferralStatus.Offered, stored?.Status);
        Assert.Single(stored!.Timeline, line => line.Event == nameof(PlacementOffered));
        Assert.Equal(2, stored.StatusSequence);
        var change = Assert.Single(Changes(referral));
        Assert.Equal((2, ReferralStatus.Offered), (change.Sequence, change.To));
    }

    [Fact]
    public async Task Full_directory_path_ends_Placed_with_consecutive_sequences()
    {
        var referral = await StoredReferralAsync();
        var first = Offered(referral, 1);

        await DeliverAsync(Assessed(referral, EligibilityOutcome.Eligible), Guid.NewGuid());
        await DeliverAsync(first, Guid.NewGuid());
        await DeliverAsync(Declined(referral, 1, first.OfferId), Guid.NewGuid());
        await DeliverAsync(Waitlisted(referral, 2, position: 2), Guid.NewGuid());
        var third = Offered(referral, 3);
        await DeliverAsync(third, Guid.NewGuid());
        await DeliverAsync(Accepted(referral, 3, third.OfferId), Guid.NewGuid());
        await DeliverAsync(Sms(referral, 3, SmsState.Delivered), Guid.NewGuid());

        var stored = await _store.FindAsync(referral.ReferralGuid(), Cancel);
        Assert.Equal(ReferralStatus.Placed, stored?.Status);
        Assert.Equal("SMS #3 Delivered", stored!.Timeline[^1].Detail);
        Assert.Equal(8, stored.Timeline.Count);
        var changes = Changes(referral).OrderBy(c => c.Sequence).ToList();
        Assert.Equal([2, 3, 4, 5, 6, 7], changes.Select(c => c.Sequence));
        Assert.Equal(
            [ReferralStatus.Matching, ReferralStatus.Offered, ReferralStatus.Matching, ReferralStatus.Waitlisted, ReferralStatus.Offered, ReferralStatus.Placed],
            changes.Select(c => c.To));
        Assert.Equal(2, changes[3].WaitlistPosition);
        Assert.Equal("Daugavpils DAC", changes[^1].Provider?.Name);
    }

    [Fact]
    public async Task Stale_offer_changes_nothing_but_the_timeline()
    {
        var referral = await StoredReferralAsync();
        await DeliverAsync(Offered(referral, 2), Guid.NewGuid());

        await DeliverAsync(Offered(referral, 1, "org-late"), Guid.NewGuid());

        var stored = await _store.FindAsync(referral.ReferralGuid(), Cancel);
        Assert.Equal(2, stored?.CurrentOffer?.Attempt);
        Assert.Equal(2, stored!.Timeline.Count(line => line.Event == nameof(PlacementOffered)));
        Assert.Single(Changes(referral));
    }

    [Fact]
    public async Task Message_for_an_unknown_referral_is_ignored_without_a_fault()
    {
        var unknown = NewReferral();
        var messageId = Guid.NewGuid();

        await DeliverAsync(Accepted(unknown, 1), messageId);

        var consumed = _harness.GetConsumerHarness<PlacementAcceptedConsumer>().Consumed
            .Select<PlacementAccepted>(m => m.Context.MessageId == messageId, Cancel).Single();
        Assert.Null(consumed.Exception);
        Assert.Null(await _store.FindAsync(unknown.ReferralGuid(), Cancel));
        Assert.Empty(Changes(unknown));
    }

    [Fact]
    public async Task Pending_events_left_by_a_crash_are_published_by_the_next_message()
    {
        // Submitted and saved, but never published (the process died in between).
        var referral = NewReferral();
        Assert.True(await _store.TryInsertAsync(referral, Cancel));

        await DeliverAsync(Sms(referral, 1, SmsState.Sent), Guid.NewGuid());

        Assert.Single(Changes(referral), c => c.Sequence == 1);
        Assert.True(await _harness.Published.Any<ReferralSubmitted>(m => m.Context.Message.ReferralId == referral.ReferralGuid(), Cancel));
        Assert.Empty((await _store.FindAsync(referral.ReferralGuid(), Cancel))!.Outbox);
    }

    public static TheoryData<string> NotFitting => new() { "other-provider", "other-offer", "decline-other-provider", "decline-other-offer" };

    [Theory]
    [MemberData(nameof(NotFitting))]
    public async Task Answer_naming_another_provider_or_offer_is_ignored_and_changes_nothing(string @case)
    {
        var referral = await StoredReferralAsync();
        var offer = Offered(referral, 1);
        await DeliverAsync(offer, Guid.NewGuid());
        var before = await _store.FindAsync(referral.ReferralGuid(), Cancel);
        Func<Task> deliver = @case switch
        {
            "other-provider" => () => DeliverAsync(Accepted(referral, 1, offer.OfferId, provider: "org-rez-sac"), Guid.NewGuid()),
            "other-offer" => () => DeliverAsync(Accepted(referral, 1, Guid.NewGuid()), Guid.NewGuid()),
            "decline-other-provider" => () => DeliverAsync(Declined(referral, 1, offer.OfferId, provider: "org-rez-sac"), Guid.NewGuid()),
            _ => () => DeliverAsync(Declined(referral, 1, Guid.NewGuid()), Guid.NewGuid()),
        };

        await deliver();

        var after = await _store.FindAsync(referral.ReferralGuid(), Cancel);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(ReferralStatus.Offered, after.Status);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
        Assert.Single(Changes(referral));
        Assert.DoesNotContain(await _audit.QueryAsync(new AuditQuery(referral.ReferralGuid(), null, null, null, 10), Cancel),
            e => e.ActorId == "provider-7");
    }

    [Fact]
    public async Task Waitlisting_for_another_service_type_and_an_offer_taking_over_the_offer_id_are_ignored()
    {
        var referral = await StoredReferralAsync();
        var offer = Offered(referral, 1);
        await DeliverAsync(offer, Guid.NewGuid());
        var before = await _store.FindAsync(referral.ReferralGuid(), Cancel);

        await DeliverAsync(Waitlisted(referral, 2) with { ServiceType = "home-care" }, Guid.NewGuid());
        await DeliverAsync(Offered(referral, 3, "org-rez-sac") with { OfferId = offer.OfferId }, Guid.NewGuid());

        var after = await _store.FindAsync(referral.ReferralGuid(), Cancel);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(("org-dgv-dac", 1), (after.CurrentOffer?.ProviderId, after.LastAttempt));
    }

    [Fact]
    public async Task Acceptance_arriving_before_its_offer_is_retried_until_the_offer_is_there()
    {
        var referral = await StoredReferralAsync();
        var offer = Offered(referral, 1);

        await _harness.Bus.Publish(Accepted(referral, 1, offer.OfferId), Cancel);
        await Task.Delay(100, Cancel);
        Assert.Equal(ReferralStatus.Submitted, (await _store.FindAsync(referral.ReferralGuid(), Cancel))?.Status);
        await DeliverAsync(offer, Guid.NewGuid());

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await _store.FindAsync(referral.ReferralGuid(), Cancel))?.Status != ReferralStatus.Placed)
        {
            Assert.True(DateTime.UtcNow < deadline, "the early acceptance was not retried");
            await Task.Delay(50, Cancel);
        }
    }

    [Fact]
    public async Task Status_change_from_an_event_is_audited_once_with_the_events_actor()
    {
        var referral = await StoredReferralAsync();
        var offer = Offered(referral, 1);
        await DeliverAsync(offer, Guid.NewGuid());
        var accepted = Accepted(referral, 1, offer.OfferId);
        var messageId = Guid.NewGuid();

        await DeliverAsync(accepted, messageId);
        await DeliverAsync(accepted, messageId);

        var entries = await _audit.QueryAsync(new AuditQuery(referral.ReferralGuid(), null, null, null, 10), Cancel);
        Assert.Equal(2, entries.Count);
        var placed = Assert.Single(entries, e => e.ActorId == "provider-7");
        Assert.Equal(("provider-staff", AuditActions.StatusChanged), (placed.ActorRole, placed.Action));
        Assert.Contains("Offered->Placed", placed.Detail, StringComparison.Ordinal);
        Assert.Single(entries, e => e.ActorId == "system" && e.Detail!.Contains("Submitted->Offered", StringComparison.Ordinal));
    }

    private async Task<Referral> StoredReferralAsync()
    {
        var referral = NewReferral();
        // As after the submit request: its own events already published.
        referral.Outbox.Clear();
        Assert.True(await _store.TryInsertAsync(referral, Cancel));
        return referral;
    }

    /// <summary>Publishes with the given MessageId and waits until the consumer has finished with this delivery.</summary>
    private async Task DeliverAsync<T>(T message, Guid messageId)
        where T : class
    {
        var before = _deliveries.Count(messageId);
        await _harness.Bus.Publish(message, context => context.MessageId = messageId, Cancel);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_deliveries.Count(messageId) <= before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{typeof(T).Name} was not consumed in time");
            await Task.Delay(20, Cancel);
        }
    }

    private List<ReferralStatusChanged> Changes(Referral referral) =>
        _harness.Published.Select<ReferralStatusChanged>(m => m.Context.Message.ReferralId == referral.ReferralGuid(), Cancel)
            .Select(m => m.Context.Message)
            .ToList();
}

/// <summary>
/// Counts finished deliveries per MessageId: the harness's own lists keep one entry per MessageId, so they cannot
/// show a redelivery.
/// </summary>
internal sealed class ConsumeCounter : IConsumeObserver
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _counts = new();

    public int Count(Guid messageId) => _counts.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Done(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Done(context);

    private Task Done(ConsumeContext context)
    {
        if (context.MessageId is { } id)
        {
            _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }
}
