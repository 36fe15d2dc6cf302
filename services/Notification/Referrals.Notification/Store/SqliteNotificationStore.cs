using Referrals.Messaging.Documents;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;

namespace Referrals.Notification.Store;

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteNotificationStore : INotificationStore
{
    private readonly SqliteDocumentCollection<SmsMessage> _messages;
    private readonly SqliteDocumentCollection<FamilyContactDocument> _contacts;

    public SqliteNotificationStore(string connectionString)
    {
        var database = new SqliteDatabase(connectionString);
        _contacts = new SqliteDocumentCollection<FamilyContactDocument>(database, "contacts");
        _messages = new SqliteDocumentCollection<SmsMessage>(database, "sms_messages",
            new SqliteColumn<SmsMessage>("referral_id", m => m.ReferralId.ToString()),
            new SqliteColumn<SmsMessage>("status_sequence", m => m.StatusSequence));
    }

    public IDocumentCollection<FamilyContactDocument> Contacts => _contacts;

    public IDocumentCollection<SmsMessage> Messages => _messages;

    public Task<IReadOnlyList<SmsMessage>> ListMessagesAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        _messages.QueryAsync("referral_id = $referral", [("$referral", referralId.ToString())], "status_sequence",
            cancellationToken: cancellationToken);

    // json_extract instead of new indexed columns: files created by earlier versions keep working without a migration,
    // and the embedded default holds few enough messages for a scan.
    public async Task<IReadOnlyList<SmsMessage>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var waiting = await _messages.QueryAsync("json_extract(body, '$.state') IN ('Created', 'Sent')", orderBy: "status_sequence",
            cancellationToken: cancellationToken);
        return waiting.Where(m => m.IsDue(now)).Take(max).ToList();
    }

    public Task<IReadOnlyList<FamilyContactDocument>> ListContactsByPhoneAsync(string phone, CancellationToken cancellationToken = default) =>
        _contacts.QueryAsync("json_extract(body, '$.phone') = $phone", [("$phone", phone)], cancellationToken: cancellationToken);

    public async Task<FamilyContactDocument?> FindContactByStatusTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var found = await _contacts.QueryAsync("json_extract(body, '$.statusToken') = $token", [("$token", token)], limit: 1,
            cancellationToken: cancellationToken);
        return found.Count == 0 ? null : found[0];
    }
}
