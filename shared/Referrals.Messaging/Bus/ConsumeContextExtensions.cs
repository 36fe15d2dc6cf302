using MassTransit;

namespace Referrals.Messaging.Bus;

public static class ConsumeContextExtensions
{
    /// <summary>The id a document records to recognise this message when it is delivered again.</summary>
    public static Guid DeduplicationId(this ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("Every message must carry a MessageId.");
}
