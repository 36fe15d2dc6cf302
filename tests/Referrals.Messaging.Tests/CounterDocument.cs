using Referrals.Messaging.Outbox;

namespace Referrals.Messaging.Tests;

public enum Mood
{
    Calm,
    Busy,
}

public sealed record Entry(string Name, DateOnly Day, Mood Mood);

/// <summary>A small aggregate with the value shapes services use: numbers, optional unique keys, dates, enums, nested lists.</summary>
public sealed class CounterDocument : OutboxDocument
{
    public int Count { get; set; }

    public string? Key { get; set; }

    public Mood Mood { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    public List<Entry> Entries { get; set; } = [];
}

public sealed record CounterIncremented(Guid EventId, Guid ReferralId, int Count);
