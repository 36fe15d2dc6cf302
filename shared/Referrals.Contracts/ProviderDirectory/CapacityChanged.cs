namespace Referrals.Contracts.ProviderDirectory;

/// <summary>A service's free places changed (a provider updated them, a placement took or returned one).</summary>
public sealed record CapacityChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string? Actor,
    string ProviderId,
    string ServiceId,
    string ServiceType,
    int Available,
    int Maximum);
