using Referrals.ProviderDirectory.Import.Contacts;

namespace Referrals.ProviderDirectory.Import.Register;

public sealed record Coded(string? Code, string Source);

public sealed record Address(string Source, string? PostalCode);

public sealed record Clients(string Source, IReadOnlyList<string> AgeGroups, string Gender);

public sealed record ClientGroupItem(string Phrase, IReadOnlyList<string> Codes);

/// <summary>One row of the seed-000 provider register (part 1), every column structured, source text kept.</summary>
public sealed record Provider(
    string Key,
    int Section,
    string SectionName,
    int Row,
    int FirstLine,
    int LastLine,
    string Name,
    Coded ServiceKind,
    Address Address,
    Coded ProviderType,
    IReadOnlyList<string> ServiceTypes,
    Clients Clients,
    string ClientGroupsSource,
    IReadOnlyList<ClientGroupItem> ClientGroups,
    Coded LegalStatus,
    string ContactsSource,
    IReadOnlyList<PhoneNumber> Phones,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Websites);

public sealed record RegisterResult(string Source, IReadOnlyList<Provider> Providers, IReadOnlyList<Defect> Defects);
