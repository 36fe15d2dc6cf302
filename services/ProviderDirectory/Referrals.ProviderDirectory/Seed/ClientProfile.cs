namespace Referrals.ProviderDirectory.Seed;

/// <summary>What the register's "clients" column means for matching: an age range and a gender.</summary>
public static class ClientProfile
{
    /// <summary>Children are under 18; "children with carers" and "families" bring adults too, so they open the range.</summary>
    public static (int? MinAge, int? MaxAge) AgesOf(IReadOnlyCollection<string> ageGroups)
    {
        if (ageGroups.Count == 0 || ageGroups.Contains("all-ages"))
        {
            return (null, null);
        }

        var children = ageGroups.Contains("children");
        var adults = ageGroups.Contains("adults") || ageGroups.Contains("children-with-carers") || ageGroups.Contains("families");
        return (children, adults) switch
        {
            (true, false) => (0, 17),
            (false, true) when !ageGroups.Contains("children-with-carers") && !ageGroups.Contains("families") => (18, null),
            _ => (null, null),
        };
    }

    /// <summary>female / male when the register restricts it; null (anyone) for "any" and "unspecified".</summary>
    public static string? GenderOf(string? gender) => gender is "female" or "male" ? gender : null;

    /// <summary>The client-group codes a service is limited to; "residents" (every resident) means no limit.</summary>
    public static List<string> GroupsOf(IEnumerable<SeedClientGroup>? groups)
    {
        var codes = (groups ?? []).SelectMany(g => g.Codes ?? []).Distinct(StringComparer.Ordinal).ToList();
        return codes.Contains("residents") ? [] : codes.Where(Reference.ClientGroups.IsKnown).ToList();
    }
}
