using Referrals.Messaging.Outbox;

namespace Referrals.Messaging.Documents;

/// <summary>
/// The storage primitive under every service's own store port: whole-document reads and version-checked writes,
/// plus what the outbox relay needs. Services add their own queries in their adapters.
/// </summary>
public interface IDocumentCollection<T> : IOutboxSource
    where T : OutboxDocument
{
    Task<T?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new document at version 1. False when the id or a unique key is taken; nothing is written then.</summary>
    Task<bool> TryInsertAsync(T document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the document if its stored version still equals <c>document.Version</c>, and then increments it.
    /// False (and nothing written) when another writer got there first.
    /// </summary>
    Task<bool> TryReplaceAsync(T document, CancellationToken cancellationToken = default);
}
