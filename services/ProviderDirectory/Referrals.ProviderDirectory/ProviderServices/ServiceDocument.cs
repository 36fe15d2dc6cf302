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
}

public sealed record PendingOffer(Guid OfferId, Guid ReferralId, int Attempt, DateTimeOffset OfferedAt);

public sealed record Placement(Guid ReferralId, Guid OfferId, DateTimeOffset AcceptedAt);
