using MongoDB.Driver;
using Referrals.Contracts.Notification;
using Referrals.Messaging.Documents;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;

namespace Referrals.Notification.Store;

/// <summary>Production: MongoDB; the by-referral index is created when the store is built, at start-up.</summary>
public sealed class MongoNotificationStore : INotificationStore
{
    private readonly MongoDocumentCollection<SmsMessage> _messages;
    private readonly MongoDocumentCollection<FamilyContactDocument> _contacts;

    public MongoNotificationStore(IMongoDatabase database)
    {
        _contacts = new MongoDocumentCollection<FamilyContactDocument>(database, "contacts");
        _contacts.Collection.Indexes.CreateOne(new CreateIndexModel<FamilyContactDocument>(
            Builders<FamilyContactDocument>.IndexKeys.Ascending(c => c.Phone), new CreateIndexOptions { Name = "phone" }));
        _contacts.Collection.Indexes.CreateOne(new CreateIndexModel<FamilyContactDocument>(
            Builders<FamilyContactDocument>.IndexKeys.Ascending(c => c.StatusToken), new CreateIndexOptions { Name = "status_token" }));
        _messages = new MongoDocumentCollection<SmsMessage>(database, "smsMessages");
        _messages.Collection.Indexes.CreateOne(new CreateIndexModel<SmsMessage>(
            Builders<SmsMessage>.IndexKeys.Ascending(m => m.ReferralId).Ascending(m => m.StatusSequence),
            new CreateIndexOptions { Name = "referral_sequence" }));
        _messages.Collection.Indexes.CreateOne(new CreateIndexModel<SmsMessage>(
            Builders<SmsMessage>.IndexKeys.Ascending(m => m.State), new CreateIndexOptions { Name = "state" }));
    }

    public IDocumentCollection<FamilyContactDocument> Contacts => _contacts;

    public IDocumentCollection<SmsMessage> Messages => _messages;

    public async Task<IReadOnlyList<SmsMessage>> ListMessagesAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        await _messages.Collection
            .Find(m => m.ReferralId == referralId)
            .SortBy(m => m.StatusSequence)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SmsMessage>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        // DueAt is stored as a string (DateTimeOffset convention), so the time is compared here, not in the query.
        var waiting = await _messages.Collection.Find(m => m.State == SmsState.Created || m.State == SmsState.Sent).ToListAsync(cancellationToken);
        return waiting.Where(m => m.IsDue(now)).OrderBy(m => m.DueAt).Take(max).ToList();
    }

    public async Task<IReadOnlyList<FamilyContactDocument>> ListContactsByPhoneAsync(string phone, CancellationToken cancellationToken = default) =>
        await _contacts.Collection.Find(c => c.Phone == phone).ToListAsync(cancellationToken);

    public async Task<FamilyContactDocument?> FindContactByStatusTokenAsync(string token, CancellationToken cancellationToken = default) =>
        await _contacts.Collection.Find(c => c.StatusToken == token).FirstOrDefaultAsync(cancellationToken);
}
