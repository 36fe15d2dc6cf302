using System.Globalization;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Notification;
using Referrals.Messaging.Documents;
using Referrals.Messaging.Outbox;
using Referrals.Notification.Store;

namespace Referrals.Notification.DeliveryReports;

/// <summary>
/// GET /api/notifications/delivery-reports?id=&amp;sms=&amp;status=%d&amp;at=%T&amp;secret=… : Kannel's delivery report for one
/// SMS. Anonymous (Kannel has no user token) but guarded by <see cref="Sending.Kannel.KannelCallbackSecret"/>, and the
/// random SMS id must match the stored one, so a report can only ever move the SMS it was issued for. Idempotent and order-tolerant: the state machine only moves forward and Delivered, Failed and Rejected are final,
/// so a late, repeated or out-of-order report changes nothing.
/// </summary>
public static partial class DeliveryReportEndpoint
{
    public static async Task<Results<Ok<DeliveryReportResponse>, NotFound, ValidationProblem>> HandleAsync(
        string? id, string? sms, string? status, INotificationStore store, OutboxPublisher publisher, IBus bus,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(id))
        {
            errors["id"] = ["The id query parameter is required."];
        }

        if (!Guid.TryParse(sms, out var smsId))
        {
            errors["sms"] = ["The sms query parameter must be the SMS id."];
        }

        if (!int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || KannelDlr.StateFor(code) is null)
        {
            errors["status"] = ["The status must be a Kannel delivery report value: 1, 2, 4, 8 or 16."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var current = await store.Messages.FindAsync(id!, cancellationToken);
        if (current is null || current.SmsId != smsId)
        {
            return TypedResults.NotFound();
        }

        var next = KannelDlr.StateFor(code)!.Value;
        var moved = false;
        var message = await store.Messages.UpdateAsync(current.Id,
            m => moved = m.MoveTo(next, time.GetUtcNow(), KannelDlr.Describe(code)), cancellationToken: cancellationToken);
        await publisher.PublishAsync(store.Messages, message, bus, cancellationToken);
        var logger = loggers.CreateLogger(typeof(DeliveryReportEndpoint).FullName!);
        Log(logger, current.Id, code, moved, message!.State);
        return TypedResults.Ok(new DeliveryReportResponse(message.Id, message.State.ToString(), moved));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery report {Code} for SMS {SmsMessageId}: applied {Applied}, state {State}")]
    private static partial void Log(ILogger logger, string smsMessageId, int code, bool applied, SmsState state);
}

/// <param name="Applied">False when the report was late, repeated or out of order and changed nothing.</param>
public sealed record DeliveryReportResponse(string Id, string State, bool Applied);

/// <summary>Kannel's dlr-mask values (gw/dlr.h) as our states.</summary>
public static class KannelDlr
{
    public static SmsState? StateFor(int code) => code switch
    {
        1 => SmsState.Delivered,
        2 => SmsState.Failed,
        4 or 8 => SmsState.Accepted,
        16 => SmsState.Rejected,
        _ => null,
    };

    public static string Describe(int code) => code switch
    {
        1 => "DLR 1: delivered to the phone",
        2 => "DLR 2: not delivered to the phone",
        4 => "DLR 4: buffered by the SMS centre",
        8 => "DLR 8: accepted by the SMS centre",
        _ => "DLR 16: rejected by the SMS centre",
    };
}
