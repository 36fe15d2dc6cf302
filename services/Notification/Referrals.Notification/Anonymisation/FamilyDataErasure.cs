using Referrals.Contracts.Notification;
using Referrals.Messaging.Documents;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;
using Referrals.Notification.Store;

namespace Referrals.Notification.Anonymisation;

/// <summary>
/// Erases what Notification holds about the person behind one referral: the family's phone number on the contact and
/// every copy of it on the referral's SMS (recipient, history details), and the status-page token that leads to it.
/// Message states, times and texts stay for statistics; an SMS still waiting is cancelled, never sent. Only documents
/// keyed by this referral id are touched, so another referral with the same number keeps it. Safe to repeat.
/// </summary>
public static class FamilyDataErasure
{
    public const string ErasedDetail = "The referral's personal data was erased; not sent.";

    private const string Erased = "[erased]";

    /// <returns>The referral's messages as saved (their pending events are for the caller to publish).</returns>
    public static async Task<IReadOnlyList<SmsMessage>> EraseAsync(INotificationStore store, Guid referralId, Guid messageId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = FamilyContactDocument.IdFor(referralId);
        var contact = await store.Contacts.UpdateAsync(id, c => Erase(c, now), messageId, cancellationToken);
        if (contact is null)
        {
            // Not heard of yet: a tombstone, so a late ReferralSubmitted cannot store the number after all.
            var tombstone = new FamilyContactDocument { Id = id, ReferralId = referralId, ReceivedAt = now, AnonymisedAt = now };
            tombstone.RememberProcessed(messageId);
            if (!await store.Contacts.TryInsertAsync(tombstone, cancellationToken))
            {
                await store.Contacts.UpdateAsync(id, c => Erase(c, now), messageId, cancellationToken);
            }
        }

        var erased = new List<SmsMessage>();
        foreach (var message in await store.ListMessagesAsync(referralId, cancellationToken))
        {
            var saved = await store.Messages.UpdateAsync(message.Id, m => Erase(m, now), cancellationToken: cancellationToken);
            if (saved is not null)
            {
                erased.Add(saved);
            }
        }

        return erased;
    }

    private static bool Erase(FamilyContactDocument contact, DateTimeOffset now)
    {
        if (contact.AnonymisedAt is not null && contact.Phone is null && contact.StatusToken is null)
        {
            return false;
        }

        contact.Phone = null;
        contact.StatusToken = null;
        contact.AnonymisedAt ??= now;
        return true;
    }

    private static bool Erase(SmsMessage message, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(message.To))
        {
            return false;
        }

        // Details are gateway answers and never meant to hold the number; should one ever echo it, it goes too, from the
        // history and from the events still waiting to be published.
        var digits = message.To.TrimStart('+');
        foreach (var entry in message.History.Where(h => h.Detail is not null))
        {
            entry.Detail = Scrub(entry.Detail!, digits);
        }

        for (var i = 0; i < message.Outbox.Count; i++)
        {
            message.Outbox[i] = message.Outbox[i] with { Body = Scrub(message.Outbox[i].Body, digits) };
        }

        message.To = "";
        if (message.State == SmsState.Created)
        {
            message.MoveTo(SmsState.Cancelled, now, ErasedDetail);
        }

        return true;
    }

    private static string Scrub(string text, string digits) =>
        digits.Length == 0 ? text : text.Replace(digits, Erased, StringComparison.Ordinal).Replace("+" + Erased, Erased, StringComparison.Ordinal);
}
