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
}
