using Referrals.ProviderDirectory.ProviderServices;

namespace Referrals.ProviderDirectory.Organisations;

public sealed record OrganisationView(
    string Id,
    string Name,
    string? Phone,
    string? Email,
    string Municipality,
    IReadOnlyList<ServiceView> Services)
{
    public static OrganisationView Of(OrganisationDocument organisation, IEnumerable<ServiceDocument> services) => new(
        organisation.Id,
        organisation.Name,
        organisation.Phone,
        organisation.Email,
        organisation.Municipality,
        services
            .Where(s => organisation.ServiceIds.Contains(s.Id))
            .OrderBy(s => organisation.ServiceIds.IndexOf(s.Id))
            .Select(ServiceView.Of)
            .ToList());
}

public sealed record ServiceView(
    string Id,
    string ServiceType,
    IReadOnlyList<string> ClientGroups,
    int? MinAge,
    int? MaxAge,
    string? Gender,
    string Municipality,
    int Maximum,
    int Available,
    int PendingOffers,
    int Placements)
{
    public static ServiceView Of(ServiceDocument s) => new(
        s.Id, s.ServiceType, s.ClientGroups, s.MinAge, s.MaxAge, s.Gender, s.Municipality, s.Maximum, s.Available,
        s.PendingOffers.Count, s.Placements.Count);
}
