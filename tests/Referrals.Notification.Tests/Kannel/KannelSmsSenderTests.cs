using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Referrals.Messaging;
using Referrals.Notification.Encoding;
using Referrals.Notification.Sending;
using Referrals.Notification.Sending.Kannel;
using Referrals.ServiceDefaults;
using Referrals.Testing;
using Xunit;

namespace Referrals.Notification.Tests.Kannel;

public sealed class KannelSmsSenderTests
{
    private static readonly KannelOptions Settings = new()
    {
        BaseUrl = "http://kannel-smsbox:13013/",
        Username = "referrals",
        Password = "p&ss word",
        From = "Referrals",
        DeliveryReportBaseUrl = "http://notification:8080",
    };

    private static readonly Guid SmsId = Guid.Parse("6f1c2f7e-0b7a-4a57-9d55-2c1a3c2f9e01");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_request_carries_credentials_sender_number_text_coding_and_an_encoded_report_url()
    {
        var uri = KannelSmsSender.SendSmsUri(Settings, Request("Nosūtījums R-7K3F9Q ir atsaukts.", SmsAlphabet.Ucs2, 1));

        Assert.Equal("http://kannel-smsbox:13013/cgi-bin/sendsms", uri.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        Assert.Equal("referrals", query["username"]);
        Assert.Equal("p&ss word", query["password"]);
        Assert.Equal("Referrals", query["from"]);
        Assert.Equal("+37120000001", query["to"]);
        Assert.Equal("Nosūtījums R-7K3F9Q ir atsaukts.", query["text"]);
        Assert.Equal("UTF-8", query["charset"]);
        Assert.Equal("2", query["coding"]);
        Assert.Equal("31", query["dlr-mask"]);
        Assert.Equal("1", query["max-messages"]);
        Assert.Equal(
            "http://notification:8080/api/notifications/delivery-reports?id=8d1f%3A3&sms=6f1c2f7e0b7a4a579d552c1a3c2f9e01&status=%d&at=%T",
            query["dlr-url"]);
        // The dlr-url travels encoded, so its own & and % cannot be read as sendsms parameters.
        Assert.Contains("dlr-url=http%3A%2F%2Fnotification%3A8080", uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("%25d", uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_callback_secret_the_report_url_carries_it_for_Kannel_to_send_back()
    {
        var settings = new KannelOptions
        {
            BaseUrl = Settings.BaseUrl,
            Username = Settings.Username,
            Password = Settings.Password,
            From = Settings.From,
            DeliveryReportBaseUrl = Settings.DeliveryReportBaseUrl,
            CallbackSecret = "s3cret-0123456789-abcdefghijklmnop",
        };

        var uri = KannelSmsSender.SendSmsUri(settings, Request("Hello", SmsAlphabet.Gsm7, 1));

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        Assert.Equal(
            "http://notification:8080/api/notifications/delivery-reports?id=8d1f%3A3&sms=6f1c2f7e0b7a4a579d552c1a3c2f9e01&status=%d&at=%T"
            + "&secret=s3cret-0123456789-abcdefghijklmnop",
            query["dlr-url"]);
        Assert.DoesNotContain("secret", KannelSmsSender.DeliveryReportUrl(Settings, Request("Hello", SmsAlphabet.Gsm7, 1)),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3cret-0123456789-abcdefghijklmnop", true)]
    [InlineData("s3cret-0123456789-abcdefghijklmnoP", false)]
    [InlineData("s3cret-0123456789-abcdefghijklmno", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_callback_secret_must_match_exactly(string? presented, bool matches)
    {
        Assert.Equal(matches, KannelCallbackSecret.Matches("s3cret-0123456789-abcdefghijklmnop", presented));
    }

    [Fact]
    public void Plain_GSM7_goes_with_coding_0()
    {
        var uri = KannelSmsSender.SendSmsUri(Settings, Request("Referral R-7K3F9Q has been withdrawn.", SmsAlphabet.Gsm7, 1));

        Assert.Contains("&coding=0&", uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Accepted, "0: Accepted for delivery", SmsSendOutcome.Accepted)]
    [InlineData(HttpStatusCode.Accepted, "3: Queued for later delivery", SmsSendOutcome.Accepted)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Temporal failure, try again later.", SmsSendOutcome.RetryableFailure)]
    [InlineData(HttpStatusCode.Forbidden, "Authorization failed for sendsms", SmsSendOutcome.PermanentFailure)]
    [InlineData(HttpStatusCode.BadRequest, "Sender missing and no global set, rejected", SmsSendOutcome.PermanentFailure)]
    [InlineData(HttpStatusCode.InternalServerError, "", SmsSendOutcome.RetryableFailure)]
    public async Task Kannel_answers_map_to_accepted_temporary_or_permanent(HttpStatusCode status, string body, SmsSendOutcome outcome)
    {
        var sender = new KannelSmsSender(new HttpClient(new Answering(status, body)), Options.Create(Settings),
            NullLogger<KannelSmsSender>.Instance);

        var result = await sender.SendAsync(Request("Hello", SmsAlphabet.Gsm7, 1), Ct);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal($"{(int)status}: {body}".TrimEnd(), result.Detail!.TrimEnd());
    }

    [Fact]
    public async Task An_unreachable_Kannel_is_a_temporary_failure_not_an_exception()
    {
        var sender = new KannelSmsSender(new HttpClient(), Options.Create(Unreachable()),
            NullLogger<KannelSmsSender>.Instance);

        var result = await sender.SendAsync(Request("Hello", SmsAlphabet.Gsm7, 1), Ct);

        Assert.Equal(SmsSendOutcome.RetryableFailure, result.Outcome);
    }

    [Fact]
    public async Task Missing_Kannel_settings_stop_start_up_when_Kannel_is_selected()
    {
        // StartupFailure rather than WebApplicationFactory, whose disposal race can hide the real start-up error.
        var error = await StartupFailure.CaptureAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:NotificationStore"] = "Data Source=:memory:",
            ["Messaging:Transport"] = "InMemory",
            ["Identity:Mode"] = "Development",
            ["Notification:Sender"] = "Kannel",
            ["Notification:Kannel:BaseUrl"] = "http://127.0.0.1:13013",
        }, builder =>
        {
            builder.AddServiceDefaults();
            builder.AddNotification();
            builder.AddMessaging();
        });

        var invalid = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("Notification:Kannel:DeliveryReportBaseUrl", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("Notification:Kannel:Username", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("Notification:Kannel:Password", invalid.Message, StringComparison.Ordinal);
    }

    private static KannelOptions Unreachable() => new()
    {
        BaseUrl = "http://127.0.0.1:1",
        Username = "u",
        Password = "p",
        From = "Referrals",
        DeliveryReportBaseUrl = "http://127.0.0.1:2",
    };

    private static SmsRequest Request(string text, SmsAlphabet alphabet, int segments) =>
        new(SmsId, "+37120000001", text, alphabet, segments) { MessageId = "8d1f:3" };

    private sealed class Answering(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
    }
}
