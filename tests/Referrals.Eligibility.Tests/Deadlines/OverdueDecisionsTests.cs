using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Assessments;
using Referrals.Eligibility.Deadlines;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.RuleSets;
using Referrals.Eligibility.Tests.Assessments;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Testing;
using Xunit;

namespace Referrals.Eligibility.Tests.Deadlines;

/// <summary>
/// Decision due = documents complete + the service type's deadline (default one month, MK 138 point 11); an assessment
/// still waiting for information after that day is flagged and announced once.
/// </summary>
public sealed class OverdueDecisionsTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Samples.Now);
    private readonly ServiceProvider _provider;
    private readonly IAssessmentStore _store;

    public OverdueDecisionsTests()
    {
        var database = new SqliteDatabase(_directory.SqliteConnectionString("eligibility"));
        _store = new SqliteAssessmentStore(database);
        _provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_store)
            .AddSingleton(RuleSetCatalogue.LoadEmbedded())
            .AddSingleton<IRuleSetStore>(new SqliteRuleSetStore(database))
            .AddSingleton<RuleSetVersions>()
            .Configure<DecisionDeadlineOptions>(options => options.ServiceTypes["crisis-centre"] = new Deadline { Days = 3 })
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<OutboxPublisher>()
            .AddSingleton<OverdueDecisions>()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<ReferralSubmittedConsumer, ReferralSubmittedConsumerDefinition>())
            .BuildServiceProvider(validateScopes: true);
    }

    private ITestHarness Harness => _provider.GetRequiredService<ITestHarness>();

    private OverdueDecisions Overdue => _provider.GetRequiredService<OverdueDecisions>();

    private async Task<Assessment> AssessAsync(Guid referralId, string serviceType = "group-home", DateOnly? documentsCompleteOn = null, bool complete = false)
    {
        var message = Samples.Submitted(referralId, serviceType: serviceType, declared: "LV-REZ") with
        {
            Documents = complete ? ["application", "id-document", "gp-certificate", "psychiatrist-opinion"] : ["application"],
            DocumentsCompleteOn = documentsCompleteOn,
        };
        await Harness.Bus.Publish(message, Ct);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await _store.FindAsync(referralId, Ct) is not { } assessment)
        {
            Assert.True(DateTime.UtcNow < deadline, "not assessed in time");
            await Task.Delay(50, Ct);
        }

        return (await _store.FindAsync(referralId, Ct))!;
    }

    [Fact]
    public async Task The_decision_is_due_one_month_after_the_documents_are_complete()
    {
        await Harness.Start();

        var stated = await AssessAsync(Guid.NewGuid(), documentsCompleteOn: new DateOnly(2026, 6, 10));
        var unstated = await AssessAsync(Guid.NewGuid());

        Assert.Equal(new DateOnly(2026, 7, 10), stated.DecisionDueOn);
        Assert.Equal(new DateOnly(2026, 6, 10), stated.DocumentsCompleteOn);
        Assert.Equal(new DateOnly(2026, 7, 15), unstated.DecisionDueOn);   // from the day it was submitted
    }

    [Fact]
    public async Task A_service_type_can_have_its_own_deadline()
    {
        await Harness.Start();

        var crisis = await AssessAsync(Guid.NewGuid(), serviceType: "crisis-centre");

        Assert.Equal(new DateOnly(2026, 6, 18), crisis.DecisionDueOn);
    }

    [Fact]
    public async Task A_decision_waiting_for_information_past_its_due_date_is_flagged_and_announced_once()
    {
        await Harness.Start();
        var waiting = Guid.NewGuid();
        var decided = Guid.NewGuid();
        Assert.Equal(EligibilityOutcome.NeedsInformation, (await AssessAsync(waiting)).Outcome);
        Assert.Equal(EligibilityOutcome.Eligible, (await AssessAsync(decided, complete: true)).Outcome);

        _time.SetUtcNow(new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero));   // the due day itself
        Assert.Equal(0, await Overdue.FlagAsync(Ct));

        _time.SetUtcNow(new DateTimeOffset(2026, 7, 16, 6, 0, 0, TimeSpan.Zero));    // the day after
        Assert.Equal(1, await Overdue.FlagAsync(Ct));
        Assert.Equal(0, await Overdue.FlagAsync(Ct));

        var flagged = await _store.FindAsync(waiting, Ct);
        Assert.Equal(_time.GetUtcNow(), flagged!.OverdueSince);
        Assert.Empty(flagged.Outbox);
        Assert.Null((await _store.FindAsync(decided, Ct))!.OverdueSince);
        var overdue = Assert.Single(await _store.ListOverdueAsync(null, 10, Ct));
        Assert.Equal(waiting, overdue.ReferralId);

        Assert.True(await Harness.Published.Any<EligibilityDecisionDeadlinePassed>(Ct));
        var events = Harness.Published.Select<EligibilityDecisionDeadlinePassed>(Ct).Select(p => p.Context.Message).ToList();
        var announced = Assert.Single(events);
        Assert.Equal(waiting, announced.ReferralId);
        Assert.Equal(new DateOnly(2026, 7, 15), announced.DecisionDueOn);
        Assert.Equal("group-home", announced.ServiceType);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _directory.Dispose();
    }
}
