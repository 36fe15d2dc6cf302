namespace Referrals.ProviderDirectory.Seed;

// The importer's output (Referrals.ProviderDirectory.Import), read as it is written; fields the directory does not
// use are ignored, so the importer can add more without breaking the load.

public sealed record RegisterFile(string? Source, IReadOnlyList<RegisterProvider>? Providers);

public sealed record RegisterProvider(
    string Key,
    int Section,
    string? SectionName,
    int Row,
    int FirstLine,
    int LastLine,
    string Name,
    SeedCoded? ServiceKind,
    SeedAddress? Address,
    SeedCoded? ProviderType,
    IReadOnlyList<string>? ServiceTypes,
    SeedClients? Clients,
    IReadOnlyList<SeedClientGroup>? ClientGroups,
    SeedCoded? LegalStatus,
    IReadOnlyList<SeedPhone>? Phones,
    IReadOnlyList<string>? Emails,
    IReadOnlyList<string>? Websites);

public sealed record SeedCoded(string? Code, string? Source);

public sealed record SeedAddress(string? Source, string? PostalCode);

public sealed record SeedClients(string? Source, IReadOnlyList<string>? AgeGroups, string? Gender);

public sealed record SeedClientGroup(string? Phrase, IReadOnlyList<string>? Codes);

public sealed record SeedPhone(string? Source, string? E164, string? Type);

public sealed record OfficesFile(string? Source, IReadOnlyList<SocialServiceOfficeRow>? Offices);

public sealed record SocialServiceOfficeRow(
    string Key,
    int Line,
    string? MunicipalityLabel,
    string? MunicipalityCode,
    string Name,
    IReadOnlyList<string>? Addresses,
    IReadOnlyList<string>? PostalCodes,
    IReadOnlyList<SeedPhone>? Phones,
    IReadOnlyList<string>? Emails,
    IReadOnlyList<string>? Websites,
    string? Note);

public sealed record CrosswalkFile(IReadOnlyList<CrosswalkSection>? Sections);

public sealed record CrosswalkSection(int Section, string Name, string Code, string? Name2021, bool Uncertain, string? Note);
