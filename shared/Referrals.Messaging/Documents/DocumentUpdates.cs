using Referrals.Messaging.Outbox;

namespace Referrals.Messaging.Documents;

/// <summary>Read, change, write-if-unchanged, and on a lost race read again: the one way documents are updated.</summary>
public static class DocumentUpdates
{
    private const int MaxAttempts = 50;

    /// <summary>
    /// Applies <paramref name="change"/> to the current document and saves it under the version guard.
    /// With a <paramref name="messageId"/>, a message the document has already processed changes nothing
    /// (the document is returned so its still-pending events can be published again).
    /// </summary>
    /// <param name="change">Returns false when there is nothing to save.</param>
    /// <returns>The document as saved (or as found, when nothing changed); null when there is no such document.</returns>
    public static async Task<T?> UpdateAsync<T>(
        this IDocumentCollection<T> documents,
        string id,
        Func<T, bool> change,
        Guid? messageId = null,
        CancellationToken cancellationToken = default)
        where T : OutboxDocument
    {
        for (var attempt = 1; ; attempt++)
        {
            var document = await documents.FindAsync(id, cancellationToken);
            if (document is null)
            {
                return null;
            }

            if (messageId is { } processed && document.HasProcessed(processed))
            {
                return document;
            }

            if (!change(document))
            {
                return document;
            }

            if (messageId is { } id2)
            {
                document.RememberProcessed(id2);
            }

            if (await documents.TryReplaceAsync(document, cancellationToken))
            {
                return document;
            }

            if (attempt >= MaxAttempts)
            {
                throw new ConcurrencyException(documents.Name, id);
            }

            await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken);
        }
    }
}

/// <summary>A document kept changing under us; the caller (a consumer's retry policy) tries again later.</summary>
public sealed class ConcurrencyException(string collection, string id)
    : Exception($"Document {id} in {collection} kept changing; gave up after repeated conflicts.");
