using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;
using Referrals.Notification.Store;
using Referrals.Reference;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Notification.Api;

/// <summary>
/// GET /api/notifications?referralId= : the SMS messages of one referral, in status order, phone masked. For social
/// workers of the referral's municipality and the coordinator of its region; any other referral, and one Notification
/// has not heard of, is 404 alike (an empty list would confirm that a foreign referral exists).
/// </summary>
public static class ListNotifications
{
    public static async Task<Results<Ok<List<NotificationResponse>>, NotFound, ValidationProblem>> HandleAsync(
        string? referralId, ClaimsPrincipal user, INotificationStore store, CancellationToken cancellationToken)
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

        var contact = await store.Contacts.FindAsync(FamilyContactDocument.IdFor(id), cancellationToken);
        if (contact is null || !user.Actor().CanReadReferralOf(contact.MunicipalityCode, Municipalities.RegionOf))
        {
            return TypedResults.NotFound();
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
    string? To,
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
        // Empty once the referral was anonymised: the number is gone, not merely hidden.
        string.IsNullOrEmpty(m.To) ? null : PhoneMask.Mask(m.To),
        m.Text,
        m.Encoding.ToString(),
        m.Segments,
        m.State.ToString(),
        m.CreatedAt,
        m.History.Select(h => new NotificationHistoryResponse(h.State.ToString(), h.At)).ToList());
}

public sealed record NotificationHistoryResponse(string State, DateTimeOffset At);
