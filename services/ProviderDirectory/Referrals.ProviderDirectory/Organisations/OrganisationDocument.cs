using Referrals.Messaging.Outbox;

namespace Referrals.ProviderDirectory.Organisations;

/// <summary>A provider organisation and the definitions of its services. Free places live in each <see cref="ProviderServices.ServiceDocument"/>.</summary>
public sealed class OrganisationDocument : OutboxDocument
{
    public string Name { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string Municipality { get; set; } = "";

    public List<string> ServiceIds { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The UUID HSDS publishes (derived from <c>Id</c>); stored so the MongoDB adapter can look it up.</summary>
    public string? HsdsId { get; set; }

    /// <summary>provider (offers services) or social-service (a municipal social service office: refers, is not placed with).</summary>
    public string Kind { get; set; } = OrganisationKinds.Provider;

    public string? LegalStatus { get; set; }

    public string? ProviderType { get; set; }

    /// <summary>Street address as the source gives it (without the postal code), and the normalised postal code.</summary>
    public string? Address { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    public List<ContactPhone> Phones { get; set; } = [];

    public List<string> Emails { get; set; } = [];

    public List<string> Websites { get; set; } = [];

    /// <summary>Where the record comes from, e.g. "register-000 §3 row 2 (Aglonas novads), lines 1180–1210".</summary>
    public string? Source { get; set; }
}

public sealed record ContactPhone(string Number, string Type);

public static class OrganisationKinds
{
    public const string Provider = "provider";
    public const string SocialService = "social-service";
}
