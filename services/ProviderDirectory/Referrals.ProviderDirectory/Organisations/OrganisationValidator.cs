using System.Text.RegularExpressions;
using Referrals.Reference;

namespace Referrals.ProviderDirectory.Organisations;

/// <summary>Field-keyed errors (camelCase JSON paths) for an organisation; empty when it is valid.</summary>
public static partial class OrganisationValidator
{
    public static Dictionary<string, string[]> Validate(OrganisationInput input)
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

        if (input.Id is null || !IdPattern().IsMatch(input.Id))
        {
            Add("id", "Required: lowercase letters, digits and dashes, up to 64 characters.");
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            Add("name", "Required, up to 200 characters.");
        }

        if (input.Phone is not null && !PhonePattern().IsMatch(input.Phone))
        {
            Add("phone", "Must be in E.164 form, e.g. +37165400000.");
        }

        if (input.Email is not null && (input.Email.Length > 200 || !input.Email.Contains('@', StringComparison.Ordinal)))
        {
            Add("email", "Must be an e-mail address.");
        }

        if (Municipalities.Find(input.Municipality) is null)
        {
            Add("municipality", "Must be a known municipality code, e.g. LV-DGV.");
        }

        var services = input.Services ?? [];
        if (input.Services is null)
        {
            Add("services", "Required (may be empty).");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < services.Count; i++)
        {
            var s = services[i];
            var at = $"services[{i}]";
            if (s is null)
            {
                Add(at, "Required.");
                continue;
            }

            if (s.Id is null || !IdPattern().IsMatch(s.Id))
            {
                Add($"{at}.id", "Required: lowercase letters, digits and dashes, up to 64 characters.");
            }
            else if (!seen.Add(s.Id))
            {
                Add($"{at}.id", "Service ids must be unique.");
            }

            if (!ServiceTypes.IsKnown(s.ServiceType))
            {
                Add($"{at}.serviceType", "Must be a known service type code, e.g. day-care-centre.");
            }

            var groups = s.ClientGroups ?? [];
            for (var g = 0; g < groups.Count; g++)
            {
                if (!ClientGroups.IsKnown(groups[g]))
                {
                    Add($"{at}.clientGroups[{g}]", "Must be a known client group code, e.g. elderly.");
                }
            }

            if (s.MinAge is < 0 or > 130)
            {
                Add($"{at}.minAge", "Must be between 0 and 130.");
            }

            if (s.MaxAge is < 0 or > 130 || (s.MaxAge is { } max && s.MinAge is { } min && max < min))
            {
                Add($"{at}.maxAge", "Must be between minAge and 130.");
            }

            if (s.Gender is not (null or "female" or "male"))
            {
                Add($"{at}.gender", "Must be female, male or null (anyone).");
            }

            if (s.Maximum is null or < 0 or > 10_000)
            {
                Add($"{at}.maximum", "Required, between 0 and 10000.");
            }

            if (s.Available is null or < 0 || (s.Available > s.Maximum))
            {
                Add($"{at}.available", "Required, between 0 and maximum.");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex PhonePattern();
}
