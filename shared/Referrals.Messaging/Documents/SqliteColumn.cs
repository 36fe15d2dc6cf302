namespace Referrals.Messaging.Documents;

/// <summary>A value lifted out of the JSON body into its own indexed column, so adapters can query by it.</summary>
/// <param name="Unique">A unique index (NULLs excepted): inserting a second document with the same value fails.</param>
public sealed record SqliteColumn<T>(string Name, Func<T, object?> Value, bool Unique = false);
