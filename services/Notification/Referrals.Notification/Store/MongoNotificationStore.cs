using MongoDB.Driver;
using Referrals.Messaging.Documents;
using Referrals.Notification.Contacts;
using Referrals.Notification.Messages;

namespace Referrals.Notification.Store;

/// <summary>Production: MongoDB; the by-referral index is created when the store is built, at start-up.</summary>
public sealed class MongoNotificationStore : INotificationStore
{
    private readonly MongoDocumentCollection<SmsMessage> _messages;

    public MongoNotificationStore(IMongoDatabase database)
    {
        Contacts = new MongoDocumentCollection<FamilyContactDocument>(database, "contacts");
        _messages = new MongoDocumentCollection<SmsMessage>(database, "smsMessages");
        _messages.Collection.Indexes.CreateOne(new CreateIndexModel<SmsMessage>(
            Builders<SmsMessage>.IndexKeys.Ascending(m => m.ReferralId).Ascending(m => m.StatusSequence),
            new CreateIndexOptions { Name = "referral_sequence" }));
    }

    public IDocumentCollection<FamilyContactDocument> Contacts { get; }

    public IDocumentCollection<SmsMessage> Messages => _messages;

    public async Task<IReadOnlyList<SmsMessage>> ListMessagesAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        await _messages.Collection
            .Find(m => m.ReferralId == referralId)
            .SortBy(m => m.StatusSequence)
            .ToListAsync(cancellationToken);
}
