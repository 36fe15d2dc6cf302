namespace Referrals.ProviderDirectory.Organisations;

/// <summary>An organisation as administrators, tests and the demo seed send it (create or replace by id).</summary>
public sealed record OrganisationInput(
    string? Id,
    string? Name,
    string? Phone,
    string? Email,
    string? Municipality,
    IReadOnlyList<ServiceInput>? Services);

public sealed record ServiceInput(
    string? Id,
    string? ServiceType,
    IReadOnlyList<string>? ClientGroups,
    int? MinAge,
    int? MaxAge,
    string? Gender,
    int? Maximum,
    int? Available);
