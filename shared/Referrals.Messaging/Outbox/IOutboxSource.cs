namespace Referrals.Messaging.Outbox;

/// <summary>A store whose documents may hold events not yet published.</summary>
public interface IOutboxSource
{
    string Name { get; }

    /// <summary>Documents with pending events, oldest first as far as the store can tell.</summary>
    Task<IReadOnlyList<PendingEvents>> FindPendingAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Removes published events from a document (and bumps its version so no stale copy writes them back).</summary>
    Task RemovePublishedAsync(string documentId, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken = default);
}

public sealed record PendingEvents(string DocumentId, IReadOnlyList<OutboxEnvelope> Events);
