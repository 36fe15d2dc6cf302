using Referrals.Messaging.Outbox;

namespace Referrals.ProviderDirectory.ProviderServices;

/// <summary>
/// One service of a provider with its free places and the offers made on them. Accepting an offer and taking a place
/// are one version-guarded write of this document, so the last place can only be taken once.
/// </summary>
public sealed class ServiceDocument : OutboxDocument
{
    public string ProviderId { get; set; } = "";

    public string ProviderName { get; set; } = "";

    public string? ProviderPhone { get; set; }

    public string ServiceType { get; set; } = "";

    public List<string> ClientGroups { get; set; } = [];

    public int? MinAge { get; set; }

    public int? MaxAge { get; set; }

    /// <summary>female, male, or null for anyone.</summary>
    public string? Gender { get; set; }

    public string Municipality { get; set; } = "";

    public string PlanningRegion { get; set; } = "";

    /// <summary>False once its organisation was saved without it: kept for its placements, never matched again.</summary>
    public bool Active { get; set; } = true;

    public int Maximum { get; set; }

    public int Available { get; set; }

    public List<PendingOffer> PendingOffers { get; set; } = [];

    public List<Placement> Placements { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When <see cref="Available"/>/<see cref="Maximum"/> last changed (HSDS 3.1 <c>service_capacity.updated</c>).</summary>
    public DateTimeOffset? CapacityUpdatedAt { get; set; }

    /// <summary>The UUID HSDS publishes (derived from <c>Id</c>); stored so the MongoDB adapter can look it up.</summary>
    public string? HsdsId { get; set; }

    /// <summary>Display name; null = "service type — provider".</summary>
    public string? Name { get; set; }

    /// <summary>residential, non-residential or both (register column 2), when known.</summary>
    public string? ServiceKind { get; set; }

    /// <summary>Age groups as the register states them (children, adults, ...), the source of <see cref="MinAge"/>/<see cref="MaxAge"/>.</summary>
    public List<string> AgeGroups { get; set; } = [];
}

public sealed record PendingOffer(Guid OfferId, Guid ReferralId, int Attempt, DateTimeOffset OfferedAt);

public sealed record Placement(Guid ReferralId, Guid OfferId, DateTimeOffset AcceptedAt);
