using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Messaging.Documents;
using Referrals.Notification.Store;

namespace Referrals.Notification.Contacts;

/// <summary>
/// "Do not contact": PUT /api/notifications/contacts/{referralId}/opt-out (DELETE undoes it), and the family's STOP
/// reply, which Kannel's sms-service forwards to GET /api/notifications/inbound-sms?from=%p&amp;text=%a.
/// Nothing already waiting is sent afterwards: the dispatcher checks the preference at send time.
/// </summary>
public static partial class ContactPreferences
{
    /// <summary>Opt-out keywords as common SMS platforms honour them, plus Latvian and Russian.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPP", "UNSUBSCRIBE", "OPTOUT", "OPT-OUT", "CANCEL", "END", "QUIT", "REMOVE", "BEIGT", "APTURĒT", "СТОП",
    };

    public static Task<Results<Ok<ContactPreferenceResponse>, NotFound, ValidationProblem>> OptOutAsync(
        string referralId, INotificationStore store, TimeProvider time, CancellationToken cancellationToken) =>
        SetAsync(referralId, true, store, time, cancellationToken);

    public static Task<Results<Ok<ContactPreferenceResponse>, NotFound, ValidationProblem>> OptInAsync(
        string referralId, INotificationStore store, TimeProvider time, CancellationToken cancellationToken) =>
        SetAsync(referralId, false, store, time, cancellationToken);

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
            await store.Contacts.UpdateAsync(contact.Id, c => Set(c, true, time), cancellationToken: cancellationToken);
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
        string referralId, bool optedOut, INotificationStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(referralId, out var id))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["referralId"] = ["The referralId must be a GUID."],
            });
        }

        var contact = await store.Contacts.UpdateAsync(FamilyContactDocument.IdFor(id), c => Set(c, optedOut, time),
            cancellationToken: cancellationToken);
        return contact is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ContactPreferenceResponse(id, contact.OptedOut, contact.OptedOutAt));
    }

    private static bool Set(FamilyContactDocument contact, bool optedOut, TimeProvider time)
    {
        if (contact.OptedOut == optedOut)
        {
            return false;
        }

        contact.OptedOut = optedOut;
        contact.OptedOutAt = optedOut ? time.GetUtcNow() : null;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A STOP reply opted out {Count} referral contact(s)")]
    private static partial void LogStop(ILogger logger, int count);
}

public sealed record ContactPreferenceResponse(Guid ReferralId, bool OptedOut, DateTimeOffset? OptedOutAt);

public sealed record InboundSmsResponse(bool OptedOut, int Referrals);
