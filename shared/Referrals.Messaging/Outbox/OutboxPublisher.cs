using MassTransit;
using Microsoft.Extensions.Logging;

namespace Referrals.Messaging.Outbox;

/// <summary>
/// Publishes a saved document's pending events (MessageId = event id, publisher confirms on RabbitMQ) and then
/// removes them from the document. A failure here loses nothing: the events stay in the document for the sweeper.
/// </summary>
public sealed partial class OutboxPublisher(ILogger<OutboxPublisher> logger)
{
    public async Task PublishAsync(IOutboxSource source, string documentId, IReadOnlyList<OutboxEnvelope> events,
        IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var published = new List<Guid>(events.Count);
        try
        {
            foreach (var envelope in events)
            {
                var (message, type) = MessageJson.Unwrap(envelope);
                await publisher.Publish(message, type, context => context.MessageId = envelope.MessageId, cancellationToken);
                published.Add(envelope.MessageId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPublishFailed(logger, e, source.Name, documentId);
        }

        if (published.Count > 0)
        {
            await source.RemovePublishedAsync(documentId, published, CancellationToken.None);
        }
    }

    public Task PublishAsync(IOutboxSource source, OutboxDocument? document, IPublishEndpoint publisher,
        CancellationToken cancellationToken) =>
        document is null
            ? Task.CompletedTask
            : PublishAsync(source, document.Id, document.Outbox.ToList(), publisher, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing pending events of {Collection}/{DocumentId} failed; the sweeper will retry")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string collection, string documentId);
}
