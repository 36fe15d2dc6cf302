using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Messaging.Documents;
using Referrals.Notification.Api;
using Referrals.Notification.Store;
using Referrals.Reference;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Notification.Contacts;

/// <summary>
/// "Do not contact": PUT /api/notifications/contacts/{referralId}/opt-out (DELETE undoes it), by a social worker of the
/// referral's municipality, and the family's STOP reply, which Kannel's sms-service forwards to
/// GET /api/notifications/inbound-sms?from=%p&amp;text=%a&amp;secret=… (the secret is <c>Notification:Kannel:CallbackSecret</c>,
/// checked by <see cref="Sending.Kannel.KannelCallbackSecret"/>). Nothing already waiting is sent afterwards: the
/// dispatcher checks the preference at send time.
/// </summary>
public static partial class ContactPreferences
{
    /// <summary>Opt-out keywords as common SMS platforms honour them, plus Latvian and Russian.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPP", "UNSUBSCRIBE", "OPTOUT", "OPT-OUT", "CANCEL", "END", "QUIT", "REMOVE", "BEIGT", "APTURĒT", "СТОП",
    };

    public static Task<Results<Ok<ContactPreferenceResponse>, NotFound, ValidationProblem>> OptOutAsync(
        string referralId, ClaimsPrincipal user, INotificationStore store, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken) =>
        SetAsync(referralId, true, user.Actor(), store, time, loggers, cancellationToken);

    public static Task<Results<Ok<ContactPreferenceResponse>, NotFound, ValidationProblem>> OptInAsync(
        string referralId, ClaimsPrincipal user, INotificationStore store, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken) =>
        SetAsync(referralId, false, user.Actor(), store, time, loggers, cancellationToken);

    public static async Task<Results<Ok<InboundSmsResponse>, ValidationProblem>> InboundAsync(
        string? from, string? text, INotificationStore store, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var phone = NormalisePhone(from);
        if (phone is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["from"] = ["The sender number is required."],
            });
        }

        var word = (text ?? "").Trim().Split(' ', 2)[0];
        if (!StopWords.Contains(word))
        {
            return TypedResults.Ok(new InboundSmsResponse(false, 0));
        }

        var contacts = await store.ListContactsByPhoneAsync(phone, cancellationToken);
        foreach (var contact in contacts)
        {
            await store.Contacts.UpdateAsync(contact.Id, c => Set(c, true, FamilyContactDocument.FamilySmsReply, time),
                cancellationToken: cancellationToken);
        }

        var logger = loggers.CreateLogger(typeof(ContactPreferences).FullName!);
        LogStop(logger, contacts.Count);
        return TypedResults.Ok(new InboundSmsResponse(true, contacts.Count));
    }

    /// <summary>Kannel passes the sender as the SMS centre wrote it: +371…, 00371…, 371… or the 8 national digits.</summary>
    public static string? NormalisePhone(string? from)
    {
        var digits = new string((from ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            return null;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (digits.Length == 8 && !(from ?? "").TrimStart().StartsWith('+'))
        {
            digits = "371" + digits;
        }

        return "+" + digits;
    }

    private static async Task<Results<Ok<ContactPreferenceResponse>, NotFound, ValidationProblem>> SetAsync(
        string referralId, bool optedOut, Actor actor, INotificationStore store, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(referralId, out var id))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["referralId"] = ["The referralId must be a GUID."],
            });
        }

        // The tenant is checked on the document being changed, inside the version-guarded update: the municipality
        // never changes once recorded, and a foreign referral is left untouched and answered like an unknown one.
        var allowed = false;
        var changed = false;
        var contact = await store.Contacts.UpdateAsync(FamilyContactDocument.IdFor(id),
            c => (allowed = actor.CanChangeReferralOf(c.MunicipalityCode)) && (changed = Set(c, optedOut, actor.Id, time)),
            cancellationToken: cancellationToken);
        if (contact is null || !allowed)
        {
            return TypedResults.NotFound();
        }

        if (changed)
        {
            var logger = loggers.CreateLogger(typeof(ContactPreferences).FullName!);
            LogPreference(logger, id, optedOut, actor.Id);
        }

        return TypedResults.Ok(new ContactPreferenceResponse(id, contact.OptedOut, contact.OptedOutAt, contact.PreferenceChangedBy));
    }

    private static bool Set(FamilyContactDocument contact, bool optedOut, string changedBy, TimeProvider time)
    {
        if (contact.OptedOut == optedOut)
        {
            return false;
        }

        contact.OptedOut = optedOut;
        contact.OptedOutAt = optedOut ? time.GetUtcNow() : null;
        contact.PreferenceChangedBy = changedBy;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: do-not-contact set to {OptedOut} by {ActorId}")]
    private static partial void LogPreference(ILogger logger, Guid referralId, bool optedOut, string actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A STOP reply opted out {Count} referral contact(s)")]
    private static partial void LogStop(ILogger logger, int count);
}

/// <param name="ChangedBy">The actor id of whoever last changed the preference (or "family-sms-reply").</param>
public sealed record ContactPreferenceResponse(Guid ReferralId, bool OptedOut, DateTimeOffset? OptedOutAt, string? ChangedBy);

public sealed record InboundSmsResponse(bool OptedOut, int Referrals);
