namespace Referrals.Messaging.Outbox;

/// <summary>
/// Base of every aggregate document. The document carries its own pending events and the ids of the messages it has
/// already processed, so one conditional write commits the state change, the events it causes and the inbox record
/// together: no distributed transaction, no separate outbox table to keep in step.
/// </summary>
public abstract class OutboxDocument
{
    /// <summary>How many processed message ids a document remembers; redeliveries come long before this many newer messages.</summary>
    public const int InboxSize = 256;

    public string Id { get; set; } = "";

    /// <summary>Incremented by every write; a write succeeds only if the version it read is still current.</summary>
    public long Version { get; set; }

    public List<OutboxEnvelope> Outbox { get; set; } = [];

    public List<Guid> ProcessedMessageIds { get; set; } = [];

    /// <summary>Queues an event to be published once this document is saved. Its id becomes the MessageId.</summary>
    public void Raise(object message, Guid messageId, DateTimeOffset now) =>
        Outbox.Add(MessageJson.Wrap(message, messageId, now));

    public bool HasProcessed(Guid messageId) => ProcessedMessageIds.Contains(messageId);

    public void RememberProcessed(Guid messageId)
    {
        if (HasProcessed(messageId))
        {
            return;
        }

        ProcessedMessageIds.Add(messageId);
        if (ProcessedMessageIds.Count > InboxSize)
        {
            ProcessedMessageIds.RemoveRange(0, ProcessedMessageIds.Count - InboxSize);
        }
    }
}
