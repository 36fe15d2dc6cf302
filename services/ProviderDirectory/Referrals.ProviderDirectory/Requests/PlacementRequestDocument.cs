using Referrals.Messaging.Outbox;

namespace Referrals.ProviderDirectory.Requests;

/// <summary>
/// What the directory knows of one referral (id = referral id): the matching criteria and where placing it stands.
/// Never a name, personal code or contact.
/// </summary>
public sealed class PlacementRequestDocument : OutboxDocument
{
    public Guid ReferralId { get; set; }

    public string ServiceType { get; set; } = "";

    public string ClientGroup { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }

    public string Gender { get; set; } = "";

    public string Municipality { get; set; } = "";

    public string DeclaredMunicipality { get; set; } = "";

    public string? PreferredProviderId { get; set; }

    public PlacementStatus Status { get; set; }

    /// <summary>Counts offers and waitlistings so late messages about an earlier attempt are ignored.</summary>
    public int Attempt { get; set; }

    public List<RankedCandidate> Candidates { get; set; } = [];

    public List<Declined> DeclinedBy { get; set; } = [];

    public CurrentOffer? CurrentOffer { get; set; }

    public HeldPlace? Place { get; set; }

    public DateTimeOffset? WaitlistedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string IdOf(Guid referralId) => referralId.ToString("D");
}

public enum PlacementStatus
{
    AwaitingEligibility,
    Matching,
    Offered,
    Waitlisted,
    Placed,
    NotEligible,
    Withdrawn,
    Closed,
}

public sealed record RankedCandidate(
    string ProviderId,
    string ProviderName,
    string ServiceId,
    int Rank,
    bool HasFreePlace,
    IReadOnlyList<string> Why);

public sealed record Declined(string ProviderId, string ServiceId, Guid OfferId, string Reason, DateTimeOffset At);

public sealed record CurrentOffer(Guid OfferId, string ProviderId, string ServiceId, int Attempt);

public sealed record HeldPlace(Guid OfferId, string ProviderId, string ServiceId, DateTimeOffset AcceptedAt);
