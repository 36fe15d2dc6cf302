using Referrals.Messaging.Documents;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;

namespace Referrals.Notification.Store;

/// <summary>The Notification service's store: family contacts and the SMS messages sent to them.</summary>
public interface INotificationStore
{
    IDocumentCollection<FamilyContactDocument> Contacts { get; }

    IDocumentCollection<SmsMessage> Messages { get; }

    /// <summary>Every SMS about one referral, oldest status change first.</summary>
    Task<IReadOnlyList<SmsMessage>> ListMessagesAsync(Guid referralId, CancellationToken cancellationToken = default);

    /// <summary>
    /// SMS whose time has come: Created ones held through quiet hours or backing off after a gateway failure, and Sent ones
    /// nobody heard back about.
    /// </summary>
    Task<IReadOnlyList<SmsMessage>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Every referral's contact with this E.164 number (a STOP reply opts all of them out).</summary>
    Task<FamilyContactDocument?> FindContactByStatusTokenAsync(string token, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FamilyContactDocument>> ListContactsByPhoneAsync(string phone, CancellationToken cancellationToken = default);
}
