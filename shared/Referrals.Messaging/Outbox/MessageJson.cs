using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.Messaging.Outbox;

/// <summary>How pending events are written into, and read back out of, their documents.</summary>
public static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static OutboxEnvelope Wrap(object message, Guid messageId, DateTimeOffset createdAt)
    {
        var type = message.GetType();
        return new OutboxEnvelope(
            messageId,
            $"{type.FullName}, {type.Assembly.GetName().Name}",
            JsonSerializer.Serialize(message, type, Options),
            createdAt);
    }

    public static (object Message, Type Type) Unwrap(OutboxEnvelope envelope)
    {
        var type = Type.GetType(envelope.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(envelope.Body, type, Options)
            ?? throw new InvalidOperationException($"Outbox message {envelope.MessageId} has an empty body.");
        return (message, type);
    }
}
