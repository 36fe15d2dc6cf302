using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Referrals.Contracts.Intake;
using Referrals.Intake.Audit;
using Referrals.Intake.Referrals;
using Referrals.Intake.Retention;
using Referrals.Intake.Store;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Testing;
using static Referrals.Intake.Tests.Referrals.ReferralFixtures;

namespace Referrals.Intake.Tests.Retention;

/// <summary>Anonymisation after the retention period, on a real SQLite store, the test harness bus and a fake clock.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ServiceProvider _services;
    private readonly IReferralStore _store;
    private readonly IAuditTrail _audit;
    private readonly ITestHarness _harness;

    public RetentionTests()
    {
        _store = new SqliteReferralStore(new SqliteDatabase(_directory.SqliteConnectionString("intake")));
        _audit = new SqliteAuditTrail(new SqliteDatabase(_directory.SqliteConnectionString("intake")));
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_store)
            .AddSingleton(_audit)
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<OutboxPublisher>()
            .AddSingleton(Options.Create(new RetentionOptions { Period = TimeSpan.FromDays(1826), CheckInterval = TimeSpan.FromHours(1) }))
            .AddSingleton<ReferralAnonymiser>()
            .AddSingleton<RetentionService>()
            .AddMassTransitTestHarness()
            .BuildServiceProvider(validateScopes: true);
        _harness = _services.GetRequiredService<ITestHarness>();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _harness.Start();

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop(Cancel);
        await _services.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Final_referral_is_anonymised_once_its_period_ran_out_and_not_before()
    {
        var withdrawn = await StoreAsync(Withdrawn);
        var open = await StoreAsync(_ => { });
        var anonymiser = _services.GetRequiredService<ReferralAnonymiser>();

        _time.Advance(TimeSpan.FromDays(1825));
        Assert.Equal(0, await anonymiser.RunOnceAsync(Cancel));
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await anonymiser.RunOnceAsync(Cancel));
        Assert.Equal(0, await anonymiser.RunOnceAsync(Cancel));

        var stored = (await _store.FindAsync(withdrawn, Cancel))!;
        Assert.Equal(_time.GetUtcNow(), stored.AnonymisedAt);
        Assert.Null(stored.Client.GivenName);
        Assert.Null(stored.Client.FamilyName);
        Assert.Null(stored.Client.ProtectedPersonalCode);
        Assert.Null(stored.Client.PersonalCodeHash);
        Assert.Null(stored.Client.Address);
        Assert.Null(stored.Family.ProtectedPhone);
        Assert.Null(stored.WithdrawReason);
        Assert.Equal(new DateOnly(1975, 1, 1), stored.Client.DateOfBirth);
        Assert.Equal(("ReferralAnonymised", "system"), (stored.Timeline[^1].Event, stored.Timeline[^1].Actor));
        Assert.DoesNotContain(stored.Timeline, line => line.Detail?.Contains("moved away", StringComparison.Ordinal) == true);
        Assert.Empty(stored.Outbox);
        Assert.True(await _harness.Published.Any<ReferralAnonymised>(m => m.Context.Message.ReferralId == withdrawn, Cancel));
        var entry = Assert.Single(await _audit.QueryAsync(new AuditQuery(withdrawn, null, null, null, 10), Cancel));
        Assert.Equal((AuditActions.Anonymised, "system"), (entry.Action, entry.ActorId));
        Assert.Null((await _store.FindAsync(open, Cancel))!.AnonymisedAt);
        Assert.NotNull((await _store.FindAsync(open, Cancel))!.Client.ProtectedPersonalCode);
    }

    [Fact]
    public async Task The_hosted_service_checks_at_start_and_then_every_interval()
    {
        var first = await StoreAsync(Withdrawn);
        _time.Advance(TimeSpan.FromDays(1827));
        var service = _services.GetRequiredService<RetentionService>();
        await ((IHostedService)service).StartAsync(Cancel);
        try
        {
            await WaitUntilAsync(async () => (await _store.FindAsync(first, Cancel))!.AnonymisedAt is not null);
            // The pass ends with the publication (the first one in a fresh bus is slow): only then does the service wait
            // on the fake clock, so advancing it any earlier would be lost.
            await WaitUntilAsync(async () => await _harness.Published.Any<ReferralAnonymised>(m => m.Context.Message.ReferralId == first, Cancel));
            var second = await StoreAsync(r =>
            {
                Withdrawn(r);
                r.UpdatedAt = _time.GetUtcNow().AddDays(-1827);
            });
            await Task.Delay(200, Cancel);
            Assert.Null((await _store.FindAsync(second, Cancel))!.AnonymisedAt);

            _time.Advance(TimeSpan.FromHours(1));

            await WaitUntilAsync(async () => (await _store.FindAsync(second, Cancel))!.AnonymisedAt is not null);
        }
        finally
        {
            await ((IHostedService)service).StopAsync(Cancel);
        }
    }

    private static void Withdrawn(Referral referral) =>
        Assert.True(ReferralStateMachine.Withdraw(referral, "Family moved away", "sw-1", referral.UpdatedAt));

    private async Task<Guid> StoreAsync(Action<Referral> prepare)
    {
        var referral = NewReferral(at: _time.GetUtcNow());
        prepare(referral);
        referral.Outbox.Clear();
        Assert.True(await _store.TryInsertAsync(referral, Cancel));
        return referral.ReferralGuid();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the retention pass did not happen");
            await Task.Delay(20, Cancel);
        }
    }
}
