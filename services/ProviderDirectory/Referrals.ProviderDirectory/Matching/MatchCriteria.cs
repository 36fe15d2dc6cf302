namespace Referrals.ProviderDirectory.Matching;

/// <summary>What a referral asks for, as far as matching needs to know.</summary>
public sealed record MatchCriteria(
    string ServiceType,
    string ClientGroup,
    DateOnly DateOfBirth,
    string Gender,
    string DeclaredMunicipality,
    string? PreferredProviderId);

/// <summary>A service as matching sees it.</summary>
public sealed record ServiceOption(
    string ProviderId,
    string ProviderName,
    string ServiceId,
    string ServiceType,
    IReadOnlyList<string> ClientGroups,
    int? MinAge,
    int? MaxAge,
    string? Gender,
    string Municipality,
    int Available);

/// <summary>A service that fits the referral, its place in the ranking and the reasons.</summary>
public sealed record Candidate(
    string ProviderId,
    string ProviderName,
    string ServiceId,
    int Rank,
    int Available,
    IReadOnlyList<string> Why)
{
    public bool HasFreePlace => Available > 0;
}
