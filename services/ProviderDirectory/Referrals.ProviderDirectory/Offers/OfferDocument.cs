using Referrals.Messaging.Outbox;

namespace Referrals.ProviderDirectory.Offers;

/// <summary>
/// Read model of one offer for the offers API, kept up to date from the directory's own events.
/// The authority on whether an offer can still be accepted is the <see cref="ProviderServices.ServiceDocument"/>.
/// </summary>
public sealed class OfferDocument : OutboxDocument
{
    public Guid OfferId { get; set; }

    public Guid ReferralId { get; set; }

    public string ProviderId { get; set; } = "";

    public string ProviderName { get; set; } = "";

    public string ServiceId { get; set; } = "";

    public string ServiceType { get; set; } = "";

    /// <summary>
    /// The referring municipality (from the placement request): the tenant whose social workers, and whose region's
    /// coordinator, may see this offer. Empty for offers projected before it was kept.
    /// </summary>
    public string Municipality { get; set; } = "";

    public int Attempt { get; set; }

    public OfferStatus Status { get; set; }

    public DateTimeOffset OfferedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DeclineReason { get; set; }

    public string? DeclineText { get; set; }

    public static string IdOf(Guid offerId) => offerId.ToString("D");
}

public enum OfferStatus
{
    Pending,
    Accepted,
    Declined,
    Cancelled,
    Lapsed,
}
