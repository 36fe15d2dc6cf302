using System.Text.Json.Nodes;
using MassTransit;
using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Eligibility;
using Referrals.Notification;
using Referrals.ProviderDirectory;
using Referrals.ServiceDefaults.Security;
using Referrals.Testing;
using Xunit;

namespace Referrals.Integration.Tests;

/// <summary>The services' real consumers and stores, hosted as their Program.cs composes them, over a real RabbitMQ.</summary>
public sealed class ServicesOverRabbitMqTests : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly List<IAsyncDisposable> _running = [];

    private static readonly DemoUser SocialWorker = TestTokens.SocialWorker("LV-DGV");
    private static readonly DemoUser[] Readers = [SocialWorker, TestTokens.Administrator(), TestTokens.Coordinator("Latgale")];

    private static async Task<JsonArray?> SmsAsync(ServiceHost notification, Guid referralId) =>
        await notification.ReadAsync($"/api/notifications?referralId={referralId}", SocialWorker) is { } text
            ? JsonNode.Parse(text)!.AsArray()
            : null;

    private static ReferralSubmitted Submitted(Guid referralId) => new(
        Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, "sw-test", "R-TEST23", "LV-DGV", "LV-DGV", "home-care", "elderly",
        new DateOnly(1950, 1, 31), "female", ["application", "id-document"], null, new FamilyContact("+37120000001", "lv"));

    private async Task<T> RunAsync<T>(Task<T> starting)
        where T : IAsyncDisposable
    {
        var running = await starting;
        _running.Add(running);
        return running;
    }

    private static Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what) => EventuallyAsync(probe, what, TimeSpan.FromSeconds(30));

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Timed out waiting for {what}");
        return default!;
    }

    [Fact]
    public async Task Every_subscribing_service_gets_its_own_copy_of_an_event()
    {
        var rabbit = await TestInfrastructure.FreshRabbitMqVirtualHostAsync("integration");
        var eligibility = await RunAsync(ServiceHost.StartAsync(rabbit, _data, "EligibilityStore", b => b.AddEligibility(), a => a.MapEligibility()));
        var directory = await RunAsync(ServiceHost.StartAsync(rabbit, _data, "ProviderDirectoryStore", b => b.AddProviderDirectory(), a => a.MapProviderDirectory()));
        var notification = await RunAsync(ServiceHost.StartAsync(rabbit, _data, "NotificationStore", b => b.AddNotification(), a => a.MapNotification()));
        var observer = await RunAsync(BrokerObserver.StartAsync<EligibilityAssessed>(rabbit));
        var referralId = Guid.NewGuid();

        await observer.Publisher.Publish(Submitted(referralId), TestContext.Current.CancellationToken);

        await EventuallyAsync(() => eligibility.ReadAsync($"/api/eligibility/assessments/{referralId}", Readers), "the assessment");
        await EventuallyAsync(() => directory.ReadAsync($"/api/providers/referrals/{referralId}", Readers), "the placement request");
        // Notification kept the contact from its own copy: a status change can now be told to the family.
        await observer.Publisher.Publish(new ReferralStatusChanged(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, 1,
            ReferralStatus.Submitted, ReferralStatus.Submitted, "R-TEST23", "home-care", null, null, null), TestContext.Current.CancellationToken);
        var sms = await EventuallyAsync(async () => await SmsAsync(notification, referralId) is { Count: > 0 } messages ? messages : null, "the SMS");
        Assert.Equal("Submitted", Assert.Single(sms)!["status"]!.GetValue<string>());
        Assert.Single(observer.Of<EligibilityAssessed>(), e => e.Message.ReferralId == referralId);
    }

    [Fact]
    public async Task A_message_delivered_twice_has_one_effect()
    {
        var rabbit = await TestInfrastructure.FreshRabbitMqVirtualHostAsync("integration");
        await RunAsync(ServiceHost.StartAsync(rabbit, _data, "EligibilityStore", b => b.AddEligibility(), a => a.MapEligibility()));
        var observer = await RunAsync(BrokerObserver.StartAsync<EligibilityAssessed>(rabbit));
        var referralId = Guid.NewGuid();
        var message = Submitted(referralId);

        await observer.Publisher.Publish(message, context => context.MessageId = message.EventId, TestContext.Current.CancellationToken);
        await EventuallyAsync(() => Task.FromResult(observer.Of<EligibilityAssessed>().Any() ? "ok" : null), "the first assessment");
        await observer.Publisher.Publish(message, context => context.MessageId = message.EventId, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        var assessed = Assert.Single(observer.Of<EligibilityAssessed>());
        Assert.Equal(referralId, assessed.Message.ReferralId);
        Assert.Equal(assessed.Message.EventId, assessed.MessageId);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_parked_in_the_error_queue_and_replayed_once_the_cause_is_fixed()
    {
        var rabbit = await TestInfrastructure.FreshRabbitMqVirtualHostAsync("integration");
        var notification = await RunAsync(ServiceHost.StartAsync(rabbit, _data, "NotificationStore", b => b.AddNotification(), a => a.MapNotification(),
            new Dictionary<string, string?> { ["Notification:QuietHoursStart"] = "00:00", ["Notification:QuietHoursEnd"] = "00:00" }));
        var observer = await RunAsync(BrokerObserver.StartAsync<ReferralStatusChanged>(rabbit));
        var referralId = Guid.NewGuid();

        // A status change whose contact has not arrived: an early message, retried for a while (its contact may be on a
        // lagging queue; see Retries.UseStandardRetries), then parked.
        await observer.Publisher.Publish(new ReferralStatusChanged(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, 1,
            ReferralStatus.Submitted, ReferralStatus.Submitted, "R-LOST23", "home-care", null, null, null), TestContext.Current.CancellationToken);
        var management = new RabbitMqManagement(rabbit);
        const string ErrorQueue = "notification-referral-status-changed_error";
        await EventuallyAsync(async () => await management.MessagesInQueueAsync(ErrorQueue) == 1 ? "parked" : null, "the error queue",
            TimeSpan.FromMinutes(4));

        // The cause is fixed (the contact arrives), and an administrator replays the queue with the documented command.
        await observer.Publisher.Publish(Submitted(referralId), TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await RunScriptAsync("scripts/error-queues.sh", "replay", "notification-referral-status-changed", new Uri(rabbit).AbsolutePath.Trim('/'));

        var sms = await EventuallyAsync(async () => await SmsAsync(notification, referralId) is { Count: > 0 } messages ? messages : null,
            "the replayed status change to send its SMS");
        Assert.Equal("Submitted", Assert.Single(sms)!["status"]!.GetValue<string>());
        await EventuallyAsync(async () => await management.MessagesInQueueAsync(ErrorQueue) == 0 ? "empty" : null, "the error queue to empty");
    }

    private static async Task RunScriptAsync(string script, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(RepositoryLayout.Root, script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RABBITMQ_MANAGEMENT"] = await TestInfrastructure.RabbitMqManagementUrlAsync();
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)
            + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{script} failed: {output}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var running in Enumerable.Reverse(_running))
        {
            await running.DisposeAsync();
        }

        _data.Dispose();
    }
}
