using Referrals.ProviderDirectory.Import.Contacts;

namespace Referrals.ProviderDirectory.Import.Annex3;

/// <summary>One municipal social-service office from seed 004, Annex 3.</summary>
public sealed record SocialServiceOffice(
    string Key,
    int Line,
    string MunicipalityLabel,
    string? MunicipalityCode,
    string Name,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> PostalCodes,
    IReadOnlyList<PhoneNumber> Phones,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Websites,
    string? Note);

public sealed record OfficesResult(string Source, IReadOnlyList<SocialServiceOffice> Offices, IReadOnlyList<Defect> Defects);
