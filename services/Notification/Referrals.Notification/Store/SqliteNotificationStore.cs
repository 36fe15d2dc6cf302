using Referrals.Messaging.Documents;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;

namespace Referrals.Notification.Store;

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteNotificationStore : INotificationStore
{
    private readonly SqliteDocumentCollection<SmsMessage> _messages;

    public SqliteNotificationStore(string connectionString)
    {
        var database = new SqliteDatabase(connectionString);
        Contacts = new SqliteDocumentCollection<FamilyContactDocument>(database, "contacts");
        _messages = new SqliteDocumentCollection<SmsMessage>(database, "sms_messages",
            new SqliteColumn<SmsMessage>("referral_id", m => m.ReferralId.ToString()),
            new SqliteColumn<SmsMessage>("status_sequence", m => m.StatusSequence));
    }

    public IDocumentCollection<FamilyContactDocument> Contacts { get; }

    public IDocumentCollection<SmsMessage> Messages => _messages;

    public Task<IReadOnlyList<SmsMessage>> ListMessagesAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        _messages.QueryAsync("referral_id = $referral", [("$referral", referralId.ToString())], "status_sequence",
            cancellationToken: cancellationToken);
}
