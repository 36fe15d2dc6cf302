using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Notification.Messages;
using Referrals.Notification.Store;
using Referrals.Notification.Tests.Api;
using Xunit;

namespace Referrals.Notification.Tests.DeliveryReports;

public sealed class DeliveryReportTests : IClassFixture<NotificationApiFactory>
{
    private readonly NotificationApiFactory _factory;

    public DeliveryReportTests(NotificationApiFactory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_move_the_SMS_forward_and_late_repeated_or_out_of_order_ones_change_nothing()
    {
        using var client = _factory.CreateClient();
        var message = await AcceptedSmsAsync();

        await ReportAsync(client, message, 8, "Accepted", applied: false);
        await ReportAsync(client, message, 1, "Delivered", applied: true);
        await ReportAsync(client, message, 1, "Delivered", applied: false);
        await ReportAsync(client, message, 4, "Delivered", applied: false);
        await ReportAsync(client, message, 2, "Delivered", applied: false);

        var stored = await Store.Messages.FindAsync(message.Id, Ct);
        Assert.Equal([SmsState.Created, SmsState.Sent, SmsState.Accepted, SmsState.Delivered], stored!.History.Select(h => h.State));
        Assert.Equal("DLR 1: delivered to the phone", stored.History[^1].Detail);
    }

    [Fact]
    public async Task A_failed_report_marks_the_SMS_failed_for_good()
    {
        using var client = _factory.CreateClient();
        var message = await AcceptedSmsAsync();

        await ReportAsync(client, message, 2, "Failed", applied: true);
        await ReportAsync(client, message, 1, "Failed", applied: false);
    }

    [Fact]
    public async Task A_rejection_by_the_SMS_centre_is_final()
    {
        using var client = _factory.CreateClient();
        var message = await AcceptedSmsAsync();

        await ReportAsync(client, message, 16, "Rejected", applied: true);
        await ReportAsync(client, message, 8, "Rejected", applied: false);
    }

    [Fact]
    public async Task An_unknown_SMS_or_a_wrong_SMS_id_is_not_found()
    {
        using var client = _factory.CreateClient();
        var message = await AcceptedSmsAsync();

        var unknown = await client.GetAsync($"/api/notifications/delivery-reports?id={Guid.NewGuid()}:1&sms={Guid.NewGuid():N}&status=1", Ct);
        var forged = await client.GetAsync($"/api/notifications/delivery-reports?id={message.Id}&sms={Guid.NewGuid():N}&status=1", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(SmsState.Accepted, (await Store.Messages.FindAsync(message.Id, Ct))!.State);
    }

    [Theory]
    [InlineData("status=3", "status")]
    [InlineData("status=abc", "status")]
    [InlineData("status=", "status")]
    [InlineData("sms=nope&status=1", "sms")]
    public async Task A_malformed_report_is_a_problem_naming_the_field(string query, string field)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync($"/api/notifications/delivery-reports?id=x:1&sms={Guid.NewGuid():N}&{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    private INotificationStore Store => _factory.Services.GetRequiredService<INotificationStore>();

    private async Task<SmsMessage> AcceptedSmsAsync()
    {
        var bus = _factory.Services.GetRequiredService<IBus>();
        var referralId = Guid.NewGuid();
        await bus.Publish(new ReferralSubmitted(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, "R-7K3F9Q", "LV-DGV",
            "LV-DGV", "day-care-centre", "elderly", new DateOnly(1950, 1, 2), "male", [], null,
            new FamilyContact("+37120000001", "en")), Ct);
        await bus.Publish(new ReferralStatusChanged(Guid.NewGuid(), referralId, DateTimeOffset.UtcNow, null, 1,
            ReferralStatus.Submitted, ReferralStatus.Submitted, "R-7K3F9Q", "day-care-centre", null, null, null), Ct);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var messages = await Store.ListMessagesAsync(referralId, Ct);
            if (messages.Count == 1 && messages[0].State == SmsState.Accepted)
            {
                return messages[0];
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("The SMS was not accepted.");
    }

    private static async Task ReportAsync(HttpClient client, SmsMessage message, int status, string state, bool applied)
    {
        var response = await client.GetAsync(
            $"/api/notifications/delivery-reports?id={Uri.EscapeDataString(message.Id)}&sms={message.SmsId:N}&status={status}&at=1795409039", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(state, body.GetProperty("state").GetString());
        Assert.Equal(applied, body.GetProperty("applied").GetBoolean());
    }
}
