using System.Globalization;
using System.Text.RegularExpressions;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.Reference;

namespace Referrals.ProviderDirectory.Hsds;

/// <summary>The directory's documents as HSDS 3.0 records (Latvian profile: see docs/hsds-profile.md).</summary>
public sealed partial class HsdsMapper(DirectoryTaxonomies taxonomies)
{
    public const string PlaceUnit = "vieta";

    public static readonly HsdsUnit Place = new(HsdsIds.Of("unit", PlaceUnit), PlaceUnit, "referrals", "place");

    public HsdsService Service(ServiceDocument service, OrganisationDocument? organisation, bool full)
    {
        var id = HsdsIds.Service(service.Id);
        var type = ServiceTypes.Find(service.ServiceType);
        var name = service.Name ?? $"{type?.NameLv ?? service.ServiceType} — {service.ProviderName}";
        var org = organisation is null ? null : Organisation(organisation, [], full: false);
        if (!full)
        {
            return new HsdsService(id, HsdsIds.Organisation(service.ProviderId), name, type?.NameEn ?? service.ServiceType,
                service.Active ? "active" : "inactive", Eligibility(service), service.MinAge, service.MaxAge, Timestamp(service.UpdatedAt),
                service.Municipality, org);
        }

        var location = organisation is null ? null : Location(organisation);
        return new HsdsService(
            id,
            HsdsIds.Organisation(service.ProviderId),
            name,
            type?.NameEn ?? service.ServiceType,
            service.Active ? "active" : "inactive",
            Eligibility(service),
            service.MinAge,
            service.MaxAge,
            Timestamp(service.UpdatedAt),
            service.Municipality,
            org,
            Phones: organisation is null ? [] : Phones(organisation),
            ServiceAtLocations: location is null ? [] : [new HsdsServiceAtLocation(HsdsIds.Of("service_at_location", service.Id), id, location.Id, null, location)],
            ServiceAreas: [Area(service)],
            Attributes: [.. ServiceAttributes(service, id)],
            Capacities: [Capacity(service)],
            Schedules: []);
    }

    public HsdsServiceAtLocation ServiceAtLocation(ServiceDocument service, OrganisationDocument? organisation)
    {
        var location = organisation is null ? null : Location(organisation);
        return new HsdsServiceAtLocation(
            HsdsIds.Of("service_at_location", service.Id),
            HsdsIds.Service(service.Id),
            location?.Id ?? HsdsIds.Location(service.ProviderId),
            null,
            location,
            Service(service, null, full: false));
    }

    public HsdsOrganization Organisation(OrganisationDocument organisation, IReadOnlyList<ServiceDocument> services, bool full)
    {
        var id = HsdsIds.Organisation(organisation.Id);
        var legal = taxonomies.Find(DirectoryTaxonomies.LegalStatus, organisation.LegalStatus);
        var email = organisation.Emails.Prepend(organisation.Email).FirstOrDefault(e => e is not null && EmailPattern().IsMatch(e));
        var website = organisation.Websites.Select(Website).FirstOrDefault(w => w is not null);
        var description = Description(organisation);
        if (!full)
        {
            return new HsdsOrganization(id, organisation.Name, description, email, website, legal?.NameLv, organisation.Municipality);
        }

        return new HsdsOrganization(
            id,
            organisation.Name,
            description,
            email,
            website,
            legal?.NameLv,
            organisation.Municipality,
            Phones: Phones(organisation),
            Locations: Location(organisation) is { } location ? [location] : [],
            OrganizationIdentifiers: [new HsdsOrganizationIdentifier(HsdsIds.Of("organization_identifier", organisation.Id), id, null, IdentifierType(organisation), organisation.Id)],
            Attributes: [.. OrganisationAttributes(organisation, id)],
            Services: [.. services.Select(s => new HsdsServiceBrief(HsdsIds.Service(s.Id), Service(s, null, full: false).Name, s.Active ? "active" : "inactive"))]);
    }

    public static HsdsCapacity Capacity(ServiceDocument service) => new(
        HsdsIds.Of("service_capacity", service.Id),
        HsdsIds.Service(service.Id),
        Place,
        Place.Id,
        service.Available,
        service.Maximum > 0 ? service.Maximum : null,
        service.Maximum > 0 ? null : "Brīvo vietu skaits nav zināms (reģistrā nav norādīts). / Free places unknown (not in the register).",
        Timestamp(service.CapacityUpdatedAt ?? service.UpdatedAt));

    public HsdsTaxonomyTerm Term(KnownTerm term) =>
        new(term.Id, term.Code, term.NameLv, term.NameEn, term.Taxonomy, term.TaxonomyId, "lv");

    public static HsdsTaxonomy Taxonomy(TaxonomySource taxonomy) =>
        new(DirectoryTaxonomies.TaxonomyIdOf(taxonomy.Id), taxonomy.NameEn, $"{taxonomy.NameEn} ({taxonomy.Id}), Latvian social services", "1");

    /// <summary>Millisecond precision, UTC, as HSDS 3.1 asks of <c>service_capacity.updated</c>.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Description(OrganisationDocument organisation) =>
        organisation.Kind == OrganisationKinds.SocialService
            ? $"Pašvaldības sociālais dienests ({Municipalities.Find(organisation.Municipality)?.NameLv ?? organisation.Municipality})."
            : $"Sociālo pakalpojumu sniedzējs ({Municipalities.Find(organisation.Municipality)?.NameLv ?? organisation.Municipality}).";

    private static string IdentifierType(OrganisationDocument organisation) =>
        organisation.Kind == OrganisationKinds.SocialService ? "lv-social-services-annex3-key"
        : organisation.Source?.StartsWith("register-000", StringComparison.Ordinal) == true ? "lv-social-register-2010-key"
        : "referrals-directory-key";

    private static List<HsdsPhone> Phones(OrganisationDocument organisation)
    {
        var phones = organisation.Phones.Count > 0
            ? organisation.Phones
            : organisation.Phone is { } one ? [new ContactPhone(one, "voice")] : [];
        return [.. phones.DistinctBy(p => (p.Number, p.Type)).Select(p =>
            new HsdsPhone(HsdsIds.Of("phone", $"{organisation.Id}:{p.Type}:{p.Number}"), p.Number, p.Type, HsdsIds.Organisation(organisation.Id)))];
    }

    private static HsdsLocation? Location(OrganisationDocument organisation)
    {
        var municipality = Municipalities.Find(organisation.Municipality);
        var id = HsdsIds.Location(organisation.Id);
        List<HsdsAddress> addresses = organisation.Address is { } street
            ?
            [
                new HsdsAddress(
                    HsdsIds.Of("address", organisation.Id),
                    id,
                    street,
                    organisation.City ?? municipality?.NameLv ?? organisation.Municipality,
                    municipality?.Region.ToString(),
                    municipality?.NameLv ?? organisation.Municipality,
                    organisation.PostalCode ?? "",
                    "LV",
                    "physical",
                    organisation.Municipality),
            ]
            : [];
        return new HsdsLocation(id, "physical", HsdsIds.Organisation(organisation.Id), organisation.Name, organisation.Municipality, "ISO 3166-2:LV", addresses);
    }

    private static HsdsServiceArea Area(ServiceDocument service) => new(
        HsdsIds.Of("service_area", service.Id),
        HsdsIds.Service(service.Id),
        Municipalities.Find(service.Municipality)?.NameLv ?? service.Municipality,
        service.Municipality,
        "ISO 3166-2:LV");

    private IEnumerable<HsdsAttribute> ServiceAttributes(ServiceDocument service, string serviceId)
    {
        var links = new List<(string LinkType, KnownTerm? Term)>
        {
            ("service_type", taxonomies.Find(DirectoryTaxonomies.ServiceType, service.ServiceType)),
            ("service_kind", taxonomies.Find(DirectoryTaxonomies.ServiceKind, service.ServiceKind)),
        };
        links.AddRange(service.ClientGroups.Select(g => ("eligibility", taxonomies.Find(DirectoryTaxonomies.ClientGroup, g))));
        links.AddRange(service.AgeGroups.Select(g => ("audience", taxonomies.Find(DirectoryTaxonomies.AgeGroup, g))));
        return Attributes(links, serviceId, "service");
    }

    private IEnumerable<HsdsAttribute> OrganisationAttributes(OrganisationDocument organisation, string organisationId) =>
        Attributes(
        [
            ("provider_type", taxonomies.Find(DirectoryTaxonomies.ProviderType, organisation.ProviderType)),
            ("legal_status", taxonomies.Find(DirectoryTaxonomies.LegalStatus, organisation.LegalStatus)),
        ], organisationId, "organization");

    private IEnumerable<HsdsAttribute> Attributes(IEnumerable<(string LinkType, KnownTerm? Term)> links, string linkId, string entity) =>
        links.Where(l => l.Term is not null).Select(l => new HsdsAttribute(
            HsdsIds.Of("attribute", $"{linkId}:{l.LinkType}:{l.Term!.Id}"), linkId, l.LinkType, entity, l.Term.Id, Term(l.Term)));

    private static string? Eligibility(ServiceDocument service)
    {
        var parts = new List<string>();
        if (service.ClientGroups.Count > 0)
        {
            parts.Add("Klientu grupas: " + string.Join(", ", service.ClientGroups.Select(g => ClientGroups.All.FirstOrDefault(t => t.Code == g)?.NameLv ?? g)));
        }

        var ages = (service.MinAge, service.MaxAge) switch
        {
            (null, null) => null,
            ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"vecums no {min} gadiem"),
            (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"vecums līdz {max} gadiem"),
            ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"vecums {min}–{max} gadi"),
        };
        if (ages is not null)
        {
            parts.Add(ages);
        }

        if (service.Gender is { } gender)
        {
            parts.Add(gender == "female" ? "sievietes" : "vīrieši");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts) + ".";
    }

    /// <summary>HSDS types websites as URIs; the register writes "www.example.lv", so a scheme is added.</summary>
    private static string? Website(string? site)
    {
        if (string.IsNullOrWhiteSpace(site))
        {
            return null;
        }

        var withScheme = site.Contains("://", StringComparison.Ordinal) ? site.Trim() : "http://" + site.Trim();
        return Uri.TryCreate(withScheme, UriKind.Absolute, out _) ? withScheme : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();
}
