namespace Referrals.Messaging.Outbox;

/// <summary>An event waiting, inside the document that raised it, to be published after the document is saved.</summary>
/// <param name="MessageId">Becomes the MassTransit MessageId, so consumers can recognise a redelivery.</param>
/// <param name="MessageType">The CLR type as "Full.Name, Assembly".</param>
/// <param name="Body">The event as JSON.</param>
public sealed record OutboxEnvelope(Guid MessageId, string MessageType, string Body, DateTimeOffset CreatedAt);
