using System.Globalization;
using Referrals.Reference;

namespace Referrals.ProviderDirectory.Matching;

/// <summary>
/// Ranks the services that fit a referral: same service type, client group, age and gender fit; the client's declared
/// municipality before the rest of its planning region (other regions never); then more free places, then name.
/// A provider the social worker chose goes first when it fits and has a free place.
/// </summary>
public static class Matcher
{
    public const string ChosenBySocialWorker = "chosen by the social worker";

    public static IReadOnlyList<Candidate> Match(MatchCriteria criteria, IEnumerable<ServiceOption> services, DateOnly today)
    {
        var age = AgeOn(criteria.DateOfBirth, today);
        var home = Municipalities.Find(criteria.DeclaredMunicipality);
        var fits = new List<(ServiceOption Service, bool SameMunicipality, List<string> Why)>();
        foreach (var service in services)
        {
            var why = new List<string>();
            if (!Fits(criteria, service, age, home, why, out var sameMunicipality))
            {
                continue;
            }

            fits.Add((service, sameMunicipality, why));
        }

        var ordered = fits
            .OrderBy(f => f.SameMunicipality ? 0 : 1)
            .ThenByDescending(f => f.Service.Available)
            .ThenBy(f => f.Service.ProviderName, StringComparer.Create(CultureInfo.GetCultureInfo("lv-LV"), ignoreCase: true))
            .ThenBy(f => f.Service.ServiceId, StringComparer.Ordinal)
            .ToList();

        var preferred = criteria.PreferredProviderId is { Length: > 0 } chosen
            ? ordered.FindIndex(f => f.Service.ProviderId == chosen && f.Service.Available > 0)
            : -1;
        if (preferred > 0)
        {
            var item = ordered[preferred];
            ordered.RemoveAt(preferred);
            ordered.Insert(0, item);
        }

        if (preferred >= 0)
        {
            ordered[0].Why.Insert(0, ChosenBySocialWorker);
        }

        return ordered
            .Select((f, i) => new Candidate(
                f.Service.ProviderId,
                f.Service.ProviderName,
                f.Service.ServiceId,
                i + 1,
                f.Service.Available,
                [.. f.Why, FreePlaces(f.Service.Available)]))
            .ToList();
    }

    public static int AgeOn(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        if (today < birth.AddYears(age))
        {
            age--;
        }

        return Math.Max(age, 0);
    }

    private static bool Fits(
        MatchCriteria criteria, ServiceOption service, int age, Municipality? home, List<string> why, out bool sameMunicipality)
    {
        sameMunicipality = false;
        if (!string.Equals(service.ServiceType, criteria.ServiceType, StringComparison.Ordinal))
        {
            return false;
        }

        why.Add($"provides {criteria.ServiceType}");
        if (service.ClientGroups.Count > 0 && !service.ClientGroups.Contains(criteria.ClientGroup, StringComparer.Ordinal))
        {
            return false;
        }

        why.Add(service.ClientGroups.Count == 0 ? "serves every client group" : $"serves client group {criteria.ClientGroup}");
        if ((service.MinAge is { } min && age < min) || (service.MaxAge is { } max && age > max))
        {
            return false;
        }

        if (service.MinAge is not null || service.MaxAge is not null)
        {
            why.Add($"age {age} within {service.MinAge?.ToString(CultureInfo.InvariantCulture) ?? "0"}–{service.MaxAge?.ToString(CultureInfo.InvariantCulture) ?? "any"}");
        }

        if (service.Gender is { Length: > 0 } gender && !string.Equals(gender, criteria.Gender, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (service.Gender is { Length: > 0 })
        {
            why.Add($"serves {service.Gender} clients");
        }

        if (string.Equals(service.Municipality, criteria.DeclaredMunicipality, StringComparison.OrdinalIgnoreCase))
        {
            sameMunicipality = true;
            why.Add($"in the declared municipality {criteria.DeclaredMunicipality}");
            return true;
        }

        var where = Municipalities.Find(service.Municipality);
        if (home is null || where is null || where.Region != home.Region)
        {
            return false;
        }

        why.Add($"in the same planning region {home.Region} ({service.Municipality})");
        return true;
    }

    private static string FreePlaces(int available) => available switch
    {
        <= 0 => "no free place",
        1 => "1 free place",
        _ => $"{available.ToString(CultureInfo.InvariantCulture)} free places",
    };
}
