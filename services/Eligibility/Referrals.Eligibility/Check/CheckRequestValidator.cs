using Referrals.Eligibility.Rules;
using Referrals.Reference;
using static Referrals.Eligibility.Check.CheckEligibility;

namespace Referrals.Eligibility.Check;

/// <summary>Field-keyed errors for a what-if request. Messages name the field and the rule, never echo a personal value.</summary>
public static class CheckRequestValidator
{
    public static Dictionary<string, string[]> Validate(CheckRequest request, DateOnly today)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        Code(request.ServiceType, "serviceType", ServiceTypes.IsKnown, "service type", Add);
        Code(request.ClientGroup, "clientGroup", ClientGroups.IsKnown, "client group", Add);
        Code(request.Municipality, "municipality", c => Municipalities.Find(c) is not null, "municipality", Add);
        Code(request.DeclaredMunicipality, "declaredMunicipality", c => Municipalities.Find(c) is not null, "municipality", Add);

        if (request.DateOfBirth is not { } born)
        {
            Add("dateOfBirth", "The date of birth is required (yyyy-MM-dd).");
        }
        else if (born > today)
        {
            Add("dateOfBirth", "The date of birth cannot be in the future.");
        }

        var documents = request.Documents ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            if (!Documents.IsKnown(documents[i]))
            {
                Add($"documents[{i}]", $"Unknown document code. Known codes: {string.Join(", ", Documents.All.Select(d => d.Code))}.");
            }
        }

        Optional(request.Gender, "gender", FactCodes.Genders.ContainsKey, Add, string.Join(", ", FactCodes.Genders.Keys));
        Optional(request.ReferredBy, "referredBy", FactCodes.Referrers.ContainsKey, Add, string.Join(", ", FactCodes.Referrers.Keys));
        Optional(request.CareLevel, "careLevel", FactCodes.CareLevels.ContainsKey, Add, string.Join(", ", FactCodes.CareLevels.Keys));
        Optional(request.IncomeStatus, "incomeStatus", FactCodes.IncomeStatuses.ContainsKey, Add, string.Join(", ", FactCodes.IncomeStatuses.Keys));
        Optional(request.Programme, "programme", FactCodes.IsProgramme, Add, "a seed-004 catalogue code such as H4 or M24");
        Each(request.ConsentGivenBy, "consentGivenBy", FactCodes.Consenters.ContainsKey, Add, string.Join(", ", FactCodes.Consenters.Keys));
        Each(request.DiagnosisCodes, "diagnosisCodes", FactCodes.IsIcd10, Add, "ICD-10 codes such as F43.1");
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Optional(string? value, string field, Func<string, bool> isKnown, Action<string, string> add, string? known = null)
    {
        if (value is not null && !isKnown(value))
        {
            add(field, $"Unknown value. Expected {known ?? "a known code"}.");
        }
    }

    private static void Each(IReadOnlyList<string?>? values, string field, Func<string, bool> isKnown, Action<string, string> add, string known)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (values![i] is not { } value || !isKnown(value))
            {
                add($"{field}[{i}]", $"Unknown value. Expected {known}.");
            }
        }
    }

    private static void Code(string? value, string field, Func<string, bool> isKnown, string what, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(field, $"The {what} is required.");
        }
        else if (!isKnown(value))
        {
            add(field, $"Unknown {what} code.");
        }
    }
}
