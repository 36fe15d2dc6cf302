using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Notification.Encoding;
using Referrals.Notification.Sending;
using Referrals.Notification.Sending.Kannel;
using Referrals.Testing;
using Xunit;

namespace Referrals.Notification.Tests.Kannel;

/// <summary>The Kannel HttpClient as the service registers it (retry with back-off, circuit breaker), over a scripted Kannel.</summary>
public sealed class KannelResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_503_is_retried_within_the_hand_over_and_then_accepted()
    {
        var kannel = new ScriptedKannel(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted);
        using var directory = new TempDirectory();
        using var factory = Service(kannel, directory);

        var result = await Send(factory);

        Assert.Equal(SmsSendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, kannel.Calls);
    }

    [Fact]
    public async Task A_Kannel_that_keeps_failing_opens_the_circuit_and_further_SMS_wait_without_calling_it()
    {
        var kannel = new ScriptedKannel(HttpStatusCode.ServiceUnavailable);
        using var directory = new TempDirectory();
        using var factory = Service(kannel, directory);

        var results = new List<SmsSendResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await Send(factory));
        }

        Assert.All(results, r => Assert.Equal(SmsSendOutcome.RetryableFailure, r.Outcome));
        Assert.Contains(results, r => r.Detail == "Kannel unavailable (circuit open)");
        // Two hand-overs of two calls each opened the circuit; the rest never reached Kannel.
        Assert.InRange(kannel.Calls, 4, 6);
    }

    private static Task<SmsSendResult> Send(WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<KannelSmsSender>().SendAsync(
            new SmsRequest(Guid.NewGuid(), "+37120000001", "Hello", SmsAlphabet.Gsm7, 1) { MessageId = "r:1" }, Ct);

    private static WebApplicationFactory<Program> Service(ScriptedKannel kannel, TempDirectory directory) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:NotificationStore", directory.SqliteConnectionString("notification"));
            builder.UseSetting("Messaging:Transport", "InMemory");
            builder.UseSetting("Notification:Sender", "Kannel");
            builder.UseSetting("Notification:Kannel:BaseUrl", "http://kannel.test:13013");
            builder.UseSetting("Notification:Kannel:Username", "u");
            builder.UseSetting("Notification:Kannel:Password", "p");
            builder.UseSetting("Notification:Kannel:From", "Referrals");
            builder.UseSetting("Notification:Kannel:DeliveryReportBaseUrl", "http://notification.test");
            builder.UseSetting("Notification:Kannel:RetryAttempts", "1");
            builder.UseSetting("Notification:Kannel:RetryDelay", "00:00:00.010");
            builder.UseSetting("Notification:Kannel:BreakDuration", "00:01:00");
            builder.ConfigureTestServices(services =>
                services.AddHttpClient<KannelSmsSender>().ConfigurePrimaryHttpMessageHandler(() => kannel));
        });

    /// <summary>Answers with the scripted statuses in turn, the last one for ever after.</summary>
    private sealed class ScriptedKannel(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            var status = answers[Math.Min(call, answers.Length) - 1];
            return Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent(status == HttpStatusCode.Accepted ? "0: Accepted for delivery" : "Temporal failure, try again later."),
            });
        }
    }
}
