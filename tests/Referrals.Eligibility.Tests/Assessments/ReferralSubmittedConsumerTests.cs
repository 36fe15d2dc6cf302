using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Eligibility.Assessments;
using Referrals.Eligibility.Deadlines;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.RuleSets;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Testing;
using Xunit;

namespace Referrals.Eligibility.Tests.Assessments;

public sealed class ReferralSubmittedConsumerTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _provider;
    private readonly IAssessmentStore _store;
    private readonly DeliveryCounter _deliveries = new();

    public ReferralSubmittedConsumerTests()
    {
        _store = new SqliteAssessmentStore(new SqliteDatabase(_directory.SqliteConnectionString("eligibility")));
        _provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_store)
            .AddSingleton(RuleSetCatalogue.LoadEmbedded())
            .AddSingleton<IRuleSetStore>(new SqliteRuleSetStore(new SqliteDatabase(_directory.SqliteConnectionString("eligibility"))))
            .AddSingleton<RuleSetVersions>()
            .Configure<DecisionDeadlineOptions>(_ => { })
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Samples.Now))
            .AddSingleton<OutboxPublisher>()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<ReferralSubmittedConsumer, ReferralSubmittedConsumerDefinition>())
            .BuildServiceProvider(validateScopes: true);
    }

    private ITestHarness Harness => _provider.GetRequiredService<ITestHarness>();

    private async Task StartAsync()
    {
        await Harness.Start();
        Harness.Bus.ConnectConsumeObserver(_deliveries);
    }

    [Fact]
    public async Task A_submitted_referral_is_assessed_and_announced()
    {
        await StartAsync();
        var referralId = Guid.NewGuid();

        await Harness.Bus.Publish(Samples.Submitted(referralId), Ct);

        var assessed = Assert.Single(await PublishedAfterAsync(deliveries: 1, referralId));
        Assert.Equal(EligibilityOutcome.Eligible, assessed.Outcome);
        Assert.Equal("1", assessed.RuleSetVersion);
        Assert.Contains(assessed.Results, r => r.RuleId == "AGE.group-home" && r.Verdict == RuleVerdict.Passed);
        var stored = await _store.FindAsync(referralId, Ct);
        Assert.NotNull(stored);
        Assert.Equal(EligibilityOutcome.Eligible, stored.Outcome);
        Assert.Equal(Samples.Now, stored.AssessedAt);
        Assert.Empty(stored.Outbox);

        // The referring municipality is the tenant whose social workers may read the assessment.
        Assert.Equal("LV-REZ", stored.Municipality);
    }

    [Fact]
    public async Task A_redelivery_of_the_same_message_assesses_once_and_announces_once()
    {
        await StartAsync();
        var referralId = Guid.NewGuid();
        var message = Samples.Submitted(referralId, declared: "LV-077");
        var messageId = Guid.NewGuid();

        await Harness.Bus.Publish(message, context => context.MessageId = messageId, Ct);
        await PublishedAfterAsync(deliveries: 1, referralId);
        await Harness.Bus.Publish(message, context => context.MessageId = messageId, Ct);

        var assessed = Assert.Single(await PublishedAfterAsync(deliveries: 2, referralId));
        Assert.Equal(EligibilityOutcome.NotEligible, assessed.Outcome);
        var stored = await _store.FindAsync(referralId, Ct);
        Assert.Equal(messageId, Assert.Single(stored!.ProcessedMessageIds));
        Assert.Empty(stored.Outbox);
    }

    [Fact]
    public async Task A_redelivery_after_a_crash_before_publishing_publishes_the_stored_event()
    {
        await StartAsync();
        var referralId = Guid.NewGuid();
        var assessment = Samples.Assessment(referralId);
        var eventId = Guid.NewGuid();
        assessment.Raise(new EligibilityAssessed(eventId, referralId, Samples.Now, assessment.Outcome, "2026.1", assessment.RuleResults()), eventId, Samples.Now);
        Assert.True(await _store.TryAddAsync(assessment, Ct));

        await Harness.Bus.Publish(Samples.Submitted(referralId), Ct);

        var published = Assert.Single(await PublishedAfterAsync(deliveries: 1, referralId));
        Assert.Equal(eventId, published.EventId);
        Assert.Equal(EligibilityOutcome.NotEligible, published.Outcome);
        Assert.Empty((await _store.FindAsync(referralId, Ct))!.Outbox);
    }

    [Fact]
    public async Task The_stored_assessment_holds_no_personal_data()
    {
        await StartAsync();
        var referralId = Guid.NewGuid();

        await Harness.Bus.Publish(Samples.Submitted(referralId), Ct);
        await PublishedAfterAsync(deliveries: 1, referralId);

        var json = JsonSerializer.Serialize(await _store.FindAsync(referralId, Ct), MessageJson.Options);
        Assert.DoesNotContain("1961", json, StringComparison.Ordinal);
        Assert.DoesNotContain("+3712", json, StringComparison.Ordinal);
        Assert.DoesNotContain("dateOfBirth", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"ruleSetVersion\":\"1\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_consumer_listens_on_its_own_service_prefixed_queue() =>
        Assert.Equal("eligibility-referral-submitted", new ServiceEndpointNameFormatter().Consumer<ReferralSubmittedConsumer>());

    /// <summary>
    /// The EligibilityAssessed events of a referral once <paramref name="deliveries"/> deliveries have been consumed.
    /// Waits on completed deliveries, not on bus inactivity: on a loaded machine a slow first SQLite write outlasts the
    /// harness's inactivity window.
    /// </summary>
    private async Task<List<EligibilityAssessed>> PublishedAfterAsync(int deliveries, Guid referralId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Volatile.Read(ref _deliveries.Count) < deliveries)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {deliveries} deliveries to be consumed");
            await Task.Delay(50, Ct);
        }

        return Harness.Published.Select<EligibilityAssessed>()
            .Select(m => m.Context.Message)
            .Where(m => m.ReferralId == referralId)
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Counts completed deliveries; the harness's own lists keep one entry per MessageId, hiding a redelivery.</summary>
    private sealed class DeliveryCounter : IConsumeObserver
    {
        public int Count;

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.Message is ReferralSubmitted)
            {
                Interlocked.Increment(ref Count);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
