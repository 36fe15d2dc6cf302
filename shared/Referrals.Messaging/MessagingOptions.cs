using System.ComponentModel.DataAnnotations;

namespace Referrals.Messaging;

/// <summary>Section <c>Messaging</c>. The broker itself is <c>ConnectionStrings:RabbitMq</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public MessagingTransport Transport { get; set; } = MessagingTransport.RabbitMq;

    /// <summary>Messages the broker hands each consumer endpoint ahead of acknowledgement.</summary>
    [Range(1, 10_000)]
    public int PrefetchCount { get; set; } = 32;

    /// <summary>Messages one endpoint processes at once.</summary>
    [Range(1, 1_000)]
    public int ConcurrentMessageLimit { get; set; } = 16;

    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan OutboxSweepAge { get; set; } = TimeSpan.FromSeconds(5);
}

public enum MessagingTransport
{
    RabbitMq,
    InMemory,
}
