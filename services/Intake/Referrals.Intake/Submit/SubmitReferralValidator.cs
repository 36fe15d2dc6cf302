using Referrals.Intake.Http;
using Referrals.Reference;

namespace Referrals.Intake.Submit;

/// <summary>
/// Checks a submission against API.md and the reference vocabularies, and returns it normalised (canonical codes,
/// E.164 phone, personal code with its hyphen) so that equal submissions hash equally.
/// </summary>
public static class SubmitReferralValidator
{
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "lv", "ru", "en" };
    public static readonly IReadOnlySet<string> Genders = new HashSet<string>(StringComparer.Ordinal) { "female", "male" };

    private const int MaxName = 100;
    private const int MaxAddress = 300;
    private const int MaxProviderId = 100;

    public static (SubmitReferralRequest? Valid, ValidationErrors Errors) Validate(SubmitReferralRequest request, DateOnly today)
    {
        var errors = new ValidationErrors();
        var municipality = KnownMunicipality(request.Municipality, "municipality", errors);
        var serviceType = Known(request.ServiceType, "serviceType", ServiceTypes.IsKnown, "service type", errors);
        var clientGroup = Known(request.ClientGroup, "clientGroup", ClientGroups.IsKnown, "client group", errors);
        var documents = new List<string?>();
        for (var i = 0; i < (request.Documents?.Count ?? 0); i++)
        {
            var document = request.Documents![i]?.Trim();
            if (!Documents.IsKnown(document))
            {
                errors.Add($"documents[{i}]", $"Unknown document code. Known: {string.Join(", ", Documents.All.Select(d => d.Code))}.");
            }
            else if (!documents.Contains(document))
            {
                documents.Add(document);
            }
        }

        var preferred = string.IsNullOrWhiteSpace(request.PreferredProviderId) ? null : request.PreferredProviderId.Trim();
        if (preferred is { Length: > MaxProviderId })
        {
            errors.Add("preferredProviderId", $"At most {MaxProviderId} characters.");
        }

        var client = ValidateClient(request.Client, today, errors);
        var family = ValidateFamily(request.Family, errors);
        var facts = SubmitReferralFacts.Validate(request, today, errors);
        var consent = SubmitConsent.Validate(request.Consent, family?.SmsConsent ?? false, today, errors);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var valid = new SubmitReferralRequest(municipality, serviceType, clientGroup, documents, preferred, client, family) { Consent = consent };
        return (SubmitReferralFacts.CopyTo(facts, valid), errors);
    }

    private static SubmitReferralClient? ValidateClient(SubmitReferralClient? client, DateOnly today, ValidationErrors errors)
    {
        if (client is null)
        {
            errors.Add("client", "The client is required.");
            return null;
        }

        var givenName = Text(client.GivenName, "client.givenName", MaxName, required: true, errors);
        var familyName = Text(client.FamilyName, "client.familyName", MaxName, required: true, errors);
        var address = Text(client.Address, "client.address", MaxAddress, required: false, errors);
        var declared = KnownMunicipality(client.DeclaredMunicipality, "client.declaredMunicipality", errors);
        var gender = client.Gender?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(gender))
        {
            errors.Add("client.gender", "Required: female or male.");
        }
        else if (!Genders.Contains(gender))
        {
            errors.Add("client.gender", "Must be female or male.");
        }

        if (client.DateOfBirth is null)
        {
            errors.Add("client.dateOfBirth", "Required, as YYYY-MM-DD.");
        }
        else if (client.DateOfBirth > today)
        {
            errors.Add("client.dateOfBirth", "Must not be in the future.");
        }
        else if (client.DateOfBirth < new DateOnly(1890, 1, 1))
        {
            errors.Add("client.dateOfBirth", "Must not be before 1890.");
        }

        string? personalCode = null;
        if (string.IsNullOrWhiteSpace(client.PersonalCode))
        {
            errors.Add("client.personalCode", "Required.");
        }
        else
        {
            var check = PersonalCode.Check(client.PersonalCode);
            if (!check.IsValid)
            {
                errors.Add("client.personalCode", check.Error!);
            }
            else
            {
                personalCode = check.Normalised;
                if (check.BirthDate is { } encoded && client.DateOfBirth is { } declaredBirth && encoded != declaredBirth
                    && !errors.Has("client.dateOfBirth"))
                {
                    errors.Add("client.dateOfBirth", "Does not match the birth date in the personal code.");
                }
            }
        }

        return new SubmitReferralClient(givenName, familyName, personalCode, client.DateOfBirth, gender, address, declared);
    }

    private static SubmitReferralFamily? ValidateFamily(SubmitReferralFamily? family, ValidationErrors errors)
    {
        if (family is null)
        {
            errors.Add("family", "The family contact is required (phone may be omitted without SMS consent).");
            return null;
        }

        var language = family.PreferredLanguage?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(language))
        {
            errors.Add("family.preferredLanguage", "Required: lv, ru or en.");
        }
        else if (!Languages.Contains(language))
        {
            errors.Add("family.preferredLanguage", "Must be lv, ru or en.");
        }

        var consent = family.SmsConsent ?? false;
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(family.Phone) || consent)
        {
            var check = SmsPhone.Check(family.Phone);
            if (check.IsValid)
            {
                phone = check.E164;
            }
            else
            {
                errors.Add("family.phone", consent && string.IsNullOrWhiteSpace(family.Phone)
                    ? "Required when smsConsent is true."
                    : check.Error!);
            }
        }

        return new SubmitReferralFamily(phone, language, consent);
    }

    private static string? KnownMunicipality(string? code, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(field, "Required: a municipality code such as LV-DGV.");
            return null;
        }

        var municipality = Municipalities.Find(code.Trim());
        if (municipality is null)
        {
            errors.Add(field, "Unknown municipality code (ISO 3166-2:LV, e.g. LV-DGV, LV-077).");
        }

        return municipality?.Code;
    }

    private static string? Known(string? code, string field, Func<string?, bool> isKnown, string what, ValidationErrors errors)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, $"Required: a {what} code.");
        }
        else if (!isKnown(trimmed))
        {
            errors.Add(field, $"Unknown {what} code.");
        }

        return trimmed;
    }

    private static string? Text(string? value, string field, int max, bool required, ValidationErrors errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors.Add(field, "Required.");
            }

            return null;
        }

        if (trimmed.Length > max)
        {
            errors.Add(field, $"At most {max} characters.");
        }

        return trimmed;
    }
}
