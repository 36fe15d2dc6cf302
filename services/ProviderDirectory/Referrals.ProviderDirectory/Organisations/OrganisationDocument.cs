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
}
