using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Notification.Messages;
using Referrals.Notification.Store;

namespace Referrals.Notification.Api;

/// <summary>GET /api/notifications?referralId= : the SMS messages of one referral, in status order, phone masked.</summary>
public static class ListNotifications
{
    public static async Task<Results<Ok<List<NotificationResponse>>, ValidationProblem>> HandleAsync(
        string? referralId, INotificationStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(referralId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["referralId"] = ["The referralId query parameter is required."],
            });
        }

        if (!Guid.TryParse(referralId, out var id))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["referralId"] = ["The referralId must be a GUID."],
            });
        }

        var messages = await store.ListMessagesAsync(id, cancellationToken);
        return TypedResults.Ok(messages.Select(NotificationResponse.From).ToList());
    }
}

public sealed record NotificationResponse(
    string Id,
    Guid ReferralId,
    int StatusSequence,
    string Status,
    string Language,
    string To,
    string Text,
    string Encoding,
    int Segments,
    string State,
    DateTimeOffset CreatedAt,
    IReadOnlyList<NotificationHistoryResponse> History)
{
    public static NotificationResponse From(SmsMessage m) => new(
        m.Id,
        m.ReferralId,
        m.StatusSequence,
        m.Status.ToString(),
        m.Language,
        PhoneMask.Mask(m.To),
        m.Text,
        m.Encoding.ToString(),
        m.Segments,
        m.State.ToString(),
        m.CreatedAt,
        m.History.Select(h => new NotificationHistoryResponse(h.State.ToString(), h.At)).ToList());
}

public sealed record NotificationHistoryResponse(string State, DateTimeOffset At);
