namespace Referrals.ProviderDirectory.Offers;

/// <summary>An offer as providers see it: ids, service and decision only, never anything about the person.</summary>
public sealed record OfferView(
    Guid OfferId,
    Guid ReferralId,
    string ProviderId,
    string ProviderName,
    string ServiceId,
    string ServiceType,
    int Attempt,
    string Status,
    DateTimeOffset OfferedAt,
    DateTimeOffset? DecidedAt,
    string? DeclineReason,
    string? DeclineText)
{
    public static OfferView Of(OfferDocument o) => new(
        o.OfferId, o.ReferralId, o.ProviderId, o.ProviderName, o.ServiceId, o.ServiceType, o.Attempt, o.Status.ToString(),
        o.OfferedAt, o.DecidedAt, o.DeclineReason, o.DeclineText);
}
