using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Contracts.Intake;
using Referrals.Messaging.Bus;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Anonymisation;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;
using Referrals.Notification.QuietHours;
using Referrals.Notification.Sending;
using Referrals.Notification.Store;
using Referrals.Testing;

namespace Referrals.Notification.Tests.Consumers;

/// <summary>The service's consumers on the MassTransit test harness, over a SQLite store and the development sender.</summary>
internal sealed class NotificationHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _provider;

    private NotificationHarness(bool withRetries, ISmsSender? sender, TimeProvider? time, NotificationOptions? options)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(time ?? TimeProvider.System);
        // Quiet hours off unless a test sets them: these tests run at any hour.
        services.AddSingleton(Options.Create(options ?? new NotificationOptions
        {
            QuietHoursStart = TimeOnly.MinValue,
            QuietHoursEnd = TimeOnly.MinValue,
            RetryBackoff = TimeSpan.Zero,
        }));
        services.AddSingleton<QuietHoursPolicy>();
        services.AddSingleton<SmsDispatcher>();
        services.AddSingleton<PendingSmsResender>();
        services.AddSingleton<OutboxPublisher>();
        services.AddSingleton<INotificationStore>(new SqliteNotificationStore(_directory.SqliteConnectionString("notification")));
        services.AddSingleton<DevelopmentSmsSender>();
        if (sender is null)
        {
            services.AddSingleton<ISmsSender>(p => p.GetRequiredService<DevelopmentSmsSender>());
        }
        else
        {
            services.AddSingleton(sender);
        }

        services.AddMassTransitTestHarness(bus =>
        {
            bus.SetEndpointNameFormatter(new ServiceEndpointNameFormatter());
            if (withRetries)
            {
                bus.AddConsumer<ReferralSubmittedConsumer, ReferralSubmittedConsumerDefinition>();
                bus.AddConsumer<ReferralStatusChangedConsumer, ReferralStatusChangedConsumerDefinition>();
                bus.AddConsumer<ReferralAnonymisedConsumer, ReferralAnonymisedConsumerDefinition>();
            }
            else
            {
                bus.AddConsumer<ReferralSubmittedConsumer>();
                bus.AddConsumer<ReferralStatusChangedConsumer>();
                bus.AddConsumer<ReferralAnonymisedConsumer>();
            }
        });
        _provider = services.BuildServiceProvider(validateScopes: true);
        Harness = _provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public CollectedLogs Logs { get; } = new();

    public INotificationStore Store => _provider.GetRequiredService<INotificationStore>();

    public DevelopmentSmsSender Sender => _provider.GetRequiredService<DevelopmentSmsSender>();

    public PendingSmsResender Resender => _provider.GetRequiredService<PendingSmsResender>();

    public static async Task<NotificationHarness> StartAsync(bool withRetries = true, ISmsSender? sender = null,
        TimeProvider? time = null, NotificationOptions? options = null)
    {
        var harness = new NotificationHarness(withRetries, sender, time, options);
        await harness.Harness.Start();
        return harness;
    }

    public async Task<Guid> PublishAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = id);
        return id;
    }

    /// <summary>Waits until the message with this id has been consumed (successfully or not).</summary>
    public async Task ConsumedAsync<T>(Guid messageId)
        where T : class
    {
        // Any() gives up once the bus has been idle for the harness's inactivity timeout, which a busy machine (other
        // test classes run in parallel) can reach before the consumer is scheduled: ask again until a real deadline.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await Harness.Consumed.Any<T>(m => m.Context.MessageId == messageId))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{typeof(T).Name} {messageId} was not consumed.");
            }
        }
    }

    /// <summary>Polls the store until the condition holds (the retry policy works on its own clock).</summary>
    public async Task<IReadOnlyList<SmsMessage>> MessagesWhenAsync(Guid referralId, Func<IReadOnlyList<SmsMessage>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var messages = await Store.ListMessagesAsync(referralId);
            if (condition(messages) || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
        _directory.Dispose();
    }

    public static ReferralSubmitted Submitted(Guid referralId, FamilyContact? contact, string municipality = "LV-DGV") =>
        new(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, "sw-daugavpils-1", "R-7K3F9Q", municipality, municipality,
            "day-care-centre", "elderly", new DateOnly(1950, 3, 4), "female", ["application"], null, contact);

    public static ReferralStatusChanged Changed(Guid referralId, int sequence, ReferralStatus to,
        ProviderContact? provider = null, int? position = null, string serviceType = "day-care-centre") =>
        new(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, sequence, ReferralStatus.Submitted, to, "R-7K3F9Q",
            serviceType, null, provider, position);
}
