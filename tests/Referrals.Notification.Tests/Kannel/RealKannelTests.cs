using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Notification.Messages;
using Referrals.Notification.Store;
using Referrals.Notification.Tests.Consumers;
using Referrals.Testing;
using Xunit;

namespace Referrals.Notification.Tests.Kannel;

/// <summary>
/// The Notification service (its own host, on a real port so Kannel can call back) sending through Debian's Kannel to
/// fakesmsc. Asserts the exact text and coding the SMS centre receives and the delivery reports flowing back.
/// </summary>
[Collection(nameof(RealKannelTests))]
public sealed class RealKannelTests : IClassFixture<KannelGateway>, IDisposable
{
    private readonly KannelGateway _kannel;
    private readonly TempDirectory _directory = new();
    private readonly KannelServiceFactory? _service;

    public RealKannelTests(KannelGateway kannel)
    {
        _kannel = kannel;
        if (kannel.MissingReason is null)
        {
            _service = new KannelServiceFactory(kannel, _directory);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("lv", "+37120000101", ReferralStatus.Submitted,
        "Nosūtījums R-7K3F9Q sociālā pakalpojuma saņemšanai ir reģistrēts. Sīkāk — sociālajā dienestā.", "udh-ucs-2")]
    [InlineData("ru", "+37120000102", ReferralStatus.Withdrawn,
        "Направление R-7K3F9Q отозвано. Подробнее — в социальной службе.", "ucs-2")]
    [InlineData("en", "+37120000103", ReferralStatus.Withdrawn,
        "Referral R-7K3F9Q has been withdrawn. For details, please contact your social service.", "text")]
    public async Task The_SMS_centre_receives_the_exact_text_in_the_right_coding_and_delivery_is_reported_back(
        string language, string phone, ReferralStatus status, string text, string type)
    {
        _kannel.SkipIfMissing();
        var referralId = await PublishAsync(phone, language, status);

        var message = await WaitForAsync(referralId, SmsState.Delivered);

        Assert.Equal(text, message.Text);
        var received = Assert.Single(await ReceivedAsync(phone, 1));
        Assert.Equal((type, text), received);
        Assert.Equal(
            [SmsState.Created, SmsState.Sent, SmsState.Accepted, SmsState.Delivered],
            message.History.Select(h => h.State));
        Assert.Equal("DLR 1: delivered to the phone", message.History[^1].Detail);
        Assert.All(_kannel.Received.Where(m => m.To == phone), m => Assert.Equal(KannelGateway.From, m.From));
        // The report came back through the dlr-url with the callback secret (without it the SMS would have stayed
        // Accepted), and the secret appears in no log line.
        Assert.NotEmpty(_service!.Logs.Lines);
        Assert.DoesNotContain(_service.Logs.Lines, line => line.Contains(KannelGateway.CallbackSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_Kannel_is_down_the_SMS_waits_and_goes_out_once_when_it_is_back()
    {
        _kannel.SkipIfMissing();
        const string phone = "+37120000104";
        await _kannel.StopSmsboxAsync();
        try
        {
            var referralId = await PublishAsync(phone, "en", ReferralStatus.Rejected);

            var waiting = await WaitForAsync(referralId, SmsState.Created, m => m.Attempts >= 1);
            Assert.Contains(waiting.History, h => h.Detail?.StartsWith("Kannel unreachable", StringComparison.Ordinal) == true
                || h.Detail?.StartsWith("Kannel unavailable", StringComparison.Ordinal) == true);
            Assert.Empty(_kannel.TextsTo(phone));
        }
        finally
        {
            await _kannel.StartSmsboxAsync();
        }

        var delivered = await WaitForAsync(null, SmsState.Delivered, phone: phone);
        Assert.Equal(SmsState.Delivered, delivered.State);
        var received = Assert.Single(await ReceivedAsync(phone, 1));
        Assert.Equal(("text", "We are sorry: referral R-7K3F9Q cannot proceed at this time. For details, please contact your social service."), received);
    }

    [Fact]
    public async Task A_family_replying_STOP_through_Kannel_is_opted_out_and_gets_nothing_more()
    {
        _kannel.SkipIfMissing();
        const string phone = "+37120000105";
        var referralId = await PublishAsync(phone, "en", ReferralStatus.Submitted);
        await WaitForAsync(referralId, SmsState.Delivered);
        // The fake SMSC driver reports delivery once bearerbox has written to fakesmsc's socket; fakesmsc must also
        // have read it before it is restarted to send the reply, or the first text would be lost with the process.
        Assert.Single(await ReceivedAsync(phone, 1));
        var store = _service!.Services.GetRequiredService<INotificationStore>();

        // Kannel passes the sender as the SMS centre wrote it (%p), here without the plus.
        await _kannel.SendFromPhoneAsync("37120000105", "STOP");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await store.Contacts.FindAsync(referralId.ToString(), Ct))!.OptedOut)
        {
            Assert.True(DateTime.UtcNow < deadline, "The STOP reply did not reach the service.");
            await Task.Delay(100, Ct);
        }

        var bus = _service.Services.GetRequiredService<IBus>();
        await bus.Publish(new ReferralStatusChanged(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, 2,
            ReferralStatus.Submitted, ReferralStatus.Rejected, "R-7K3F9Q", "day-care-centre", null, null, null), Ct);
        var messages = await WaitForCountAsync(referralId, 2);
        Assert.Equal(SmsState.Cancelled, messages[1].State);
        Assert.Single(await ReceivedAsync(phone, 1));
        Assert.DoesNotContain(_service.Logs.Lines, line => line.Contains(KannelGateway.CallbackSecret, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _service?.Dispose();
        _directory.Dispose();
    }

    private async Task<Guid> PublishAsync(string phone, string language, ReferralStatus status)
    {
        var bus = _service!.Services.GetRequiredService<IBus>();
        var referralId = Guid.NewGuid();
        await bus.Publish(new ReferralSubmitted(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, "R-7K3F9Q", "LV-DGV",
            "LV-DGV", "day-care-centre", "elderly", new DateOnly(1950, 1, 2), "male", [], null,
            new FamilyContact(phone, language)), Ct);
        await bus.Publish(new ReferralStatusChanged(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, 1,
            ReferralStatus.Submitted, status, "R-7K3F9Q", "day-care-centre", null, null, null), Ct);
        _lastReferral[phone] = referralId;
        return referralId;
    }

    private readonly Dictionary<string, Guid> _lastReferral = [];

    private async Task<SmsMessage> WaitForAsync(Guid? referralId, SmsState state, Func<SmsMessage, bool>? also = null,
        string? phone = null)
    {
        var id = referralId ?? _lastReferral[phone!];
        var store = _service!.Services.GetRequiredService<INotificationStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var messages = await store.ListMessagesAsync(id, Ct);
            if (messages.Count == 1 && messages[0].State == state && (also?.Invoke(messages[0]) ?? true))
            {
                return messages[0];
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"SMS of {id} did not reach {state}: {string.Join(", ", messages.SelectMany(m => m.History).Select(h => $"{h.State} {h.Detail}"))}");
            }

            await Task.Delay(100, Ct);
        }
    }

    private async Task<IReadOnlyList<SmsMessage>> WaitForCountAsync(Guid referralId, int count)
    {
        var store = _service!.Services.GetRequiredService<INotificationStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var messages = await store.ListMessagesAsync(referralId, Ct);
            if ((messages.Count == count && messages.All(m => m.State != SmsState.Created && m.State != SmsState.Sent))
                || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100, Ct);
        }
    }

    private async Task<IReadOnlyList<(string Type, string Text)>> ReceivedAsync(string phone, int count)
    {
        // Give a duplicate, if there were one, the time to arrive too.
        await Task.Delay(500, Ct);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_kannel.TextsTo(phone).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        return _kannel.TextsTo(phone);
    }

    /// <summary>The service on Kestrel at a free loopback port, Kannel selected, quiet hours off, short back-offs.</summary>
    private sealed class KannelServiceFactory : WebApplicationFactory<Program>
    {
        private readonly KannelGateway _kannel;
        private readonly TempDirectory _directory;
        private readonly int _port;

        public KannelServiceFactory(KannelGateway kannel, TempDirectory directory)
        {
            _kannel = kannel;
            _directory = directory;
            _port = kannel.ServicePort;
            UseKestrel(_port);
            StartServer();
        }

        public CollectedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:NotificationStore", _directory.SqliteConnectionString("notification"));
            builder.UseSetting("Messaging:Transport", "InMemory");
            builder.UseSetting("Notification:Sender", "Kannel");
            builder.UseSetting("Notification:QuietHoursStart", "00:00");
            builder.UseSetting("Notification:QuietHoursEnd", "00:00");
            builder.UseSetting("Notification:ResendInterval", "00:00:00.200");
            builder.UseSetting("Notification:RetryBackoff", "00:00:00.200");
            builder.UseSetting("Notification:MaxRetryBackoff", "00:00:00.500");
            builder.UseSetting("Notification:Kannel:BaseUrl", _kannel.SendSmsUrl);
            builder.UseSetting("Notification:Kannel:Username", KannelGateway.Username);
            builder.UseSetting("Notification:Kannel:Password", KannelGateway.Password);
            builder.UseSetting("Notification:Kannel:From", KannelGateway.From);
            builder.UseSetting("Notification:Kannel:DeliveryReportBaseUrl", $"http://127.0.0.1:{_port}");
            builder.UseSetting("Notification:Kannel:RetryAttempts", "1");
            builder.UseSetting("Notification:Kannel:RetryDelay", "00:00:00.050");
            builder.UseSetting("Notification:Kannel:BreakDuration", "00:00:00.500");
            builder.UseSetting("Notification:Kannel:Timeout", "00:00:05");
            builder.UseSetting("Notification:Kannel:CallbackSecret", KannelGateway.CallbackSecret);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
