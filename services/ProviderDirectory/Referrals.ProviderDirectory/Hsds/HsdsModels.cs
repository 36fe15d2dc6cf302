using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referrals.ProviderDirectory.Hsds;

// HSDS 3.0 shapes (snake_case, nulls left out: the schemas type fields as plain strings, so null would not validate).
// Extra properties are allowed by HSDS; ours are "municipality" (ISO 3166-2:LV) and "capacities" (HSDS 3.1-dev).

public static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record HsdsRoot(string Version, string Profile, string OpenapiUrl);

public sealed record HsdsPage<T>(
    long TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

public sealed record HsdsService(
    string Id,
    string OrganizationId,
    string Name,
    string Description,
    string Status,
    string? EligibilityDescription,
    int? MinimumAge,
    int? MaximumAge,
    string LastModified,
    string? Municipality,
    HsdsOrganization? Organization,
    IReadOnlyList<HsdsPhone>? Phones = null,
    IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations = null,
    IReadOnlyList<HsdsServiceArea>? ServiceAreas = null,
    IReadOnlyList<HsdsAttribute>? Attributes = null,
    IReadOnlyList<HsdsCapacity>? Capacities = null,
    IReadOnlyList<object>? Schedules = null);

public sealed record HsdsOrganization(
    string Id,
    string Name,
    string Description,
    string? Email,
    string? Website,
    string? LegalStatus,
    string? Municipality,
    IReadOnlyList<HsdsPhone>? Phones = null,
    IReadOnlyList<HsdsLocation>? Locations = null,
    IReadOnlyList<HsdsOrganizationIdentifier>? OrganizationIdentifiers = null,
    IReadOnlyList<HsdsAttribute>? Attributes = null,
    IReadOnlyList<HsdsServiceBrief>? Services = null);

public sealed record HsdsServiceBrief(string Id, string Name, string Status);

public sealed record HsdsOrganizationIdentifier(string Id, string OrganizationId, string? IdentifierScheme, string IdentifierType, string Identifier);

public sealed record HsdsPhone(string Id, string Number, string Type, string? OrganizationId = null);

public sealed record HsdsLocation(
    string Id,
    string LocationType,
    string OrganizationId,
    string Name,
    string? ExternalIdentifier,
    string? ExternalIdentifierType,
    IReadOnlyList<HsdsAddress> Addresses);

public sealed record HsdsAddress(
    string Id,
    string LocationId,
    [property: JsonPropertyName("address_1")] string Address1,
    string City,
    string? Region,
    string StateProvince,
    string PostalCode,
    string Country,
    string AddressType,
    string Municipality);

public sealed record HsdsServiceAtLocation(
    string Id, string ServiceId, string LocationId, string? Description, HsdsLocation? Location, HsdsService? Service = null);

public sealed record HsdsServiceArea(string Id, string ServiceId, string Name, string Extent, string ExtentType);

public sealed record HsdsAttribute(
    string Id, string LinkId, string LinkType, string LinkEntity, string TaxonomyTermId, HsdsTaxonomyTerm TaxonomyTerm, string? Value = null);

public sealed record HsdsTaxonomy(string Id, string Name, string Description, string? Version);

public sealed record HsdsTaxonomyTerm(string Id, string Code, string Name, string Description, string Taxonomy, string TaxonomyId, string Language);

/// <summary>HSDS 3.1-dev <c>service_capacity</c>.</summary>
public sealed record HsdsCapacity(
    string Id, string ServiceId, HsdsUnit Unit, string UnitId, int Available, int? Maximum, string? Description, string Updated);

public sealed record HsdsUnit(string Id, string Name, string? Scheme, string? Identifier);
