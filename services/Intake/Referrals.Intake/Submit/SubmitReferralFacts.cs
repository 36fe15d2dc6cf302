using System.Text.RegularExpressions;
using Referrals.Contracts.Intake;
using Referrals.Intake.Http;
using Referrals.Intake.Referrals;

namespace Referrals.Intake.Submit;

/// <summary>
/// The optional eligibility facts of a submission (who referred, consent, care level, income status, ICD-10 codes,
/// the day the documents were complete, the seed-004 programme). They are checked here against the same closed
/// vocabularies the eligibility rules use, kept on the referral and carried to eligibility in ReferralSubmitted.
/// </summary>
public static partial class SubmitReferralFacts
{
    public static readonly IReadOnlyList<string> Referrers = ["social-service", "orphans-court", "doctor", "probation-or-court", "self"];
    public static readonly IReadOnlyList<string> Consenters = ["person", "legal-representative"];
    public static readonly IReadOnlyList<string> CareLevels = ["I", "II", "III", "IV"];
    public static readonly IReadOnlyList<string> IncomeStatuses = ["needy", "low-income", "none"];

    private const int MaxCodes = 20;

    public sealed record Facts(
        string? ReferredBy,
        IReadOnlyList<string>? ConsentGivenBy,
        string? CareLevel,
        string? IncomeStatus,
        IReadOnlyList<string>? DiagnosisCodes,
        DateOnly? DocumentsCompleteOn,
        string? Programme);

    public static Facts Validate(SubmitReferralRequest request, DateOnly today, ValidationErrors errors)
    {
        var referredBy = OneOf(request.ReferredBy, "referredBy", Referrers, errors);
        var careLevel = OneOf(request.CareLevel?.ToUpperInvariant(), "careLevel", CareLevels, errors);
        var incomeStatus = OneOf(request.IncomeStatus, "incomeStatus", IncomeStatuses, errors);
        var consent = Each(request.ConsentGivenBy, "consentGivenBy", c => Consenters.Contains(c), string.Join(", ", Consenters), errors);
        var diagnoses = Each(request.DiagnosisCodes?.Select(c => c?.ToUpperInvariant()).ToList(), "diagnosisCodes", c => Icd10().IsMatch(c), "ICD-10 codes such as F43.1", errors);
        if (request.DocumentsCompleteOn > today)
        {
            errors.Add("documentsCompleteOn", "The day the documents were complete cannot be in the future.");
        }

        var programme = request.Programme?.Trim().ToUpperInvariant();
        if (programme is not null && !Programme().IsMatch(programme))
        {
            errors.Add("programme", "Unknown programme code. Expected a children's-services catalogue code such as H4 or M24.");
        }

        return new Facts(referredBy, consent, careLevel, incomeStatus, diagnoses, request.DocumentsCompleteOn, programme);
    }

    public static SubmitReferralRequest CopyTo(Facts facts, SubmitReferralRequest request) => request with
    {
        ReferredBy = facts.ReferredBy,
        ConsentGivenBy = facts.ConsentGivenBy,
        CareLevel = facts.CareLevel,
        IncomeStatus = facts.IncomeStatus,
        DiagnosisCodes = facts.DiagnosisCodes,
        DocumentsCompleteOn = facts.DocumentsCompleteOn,
        Programme = facts.Programme,
    };

    /// <summary>The facts as the referral keeps them; null when the social worker gave none.</summary>
    public static ReferralFacts? ToDocument(SubmitReferralRequest request)
    {
        var facts = new ReferralFacts
        {
            ReferredBy = request.ReferredBy,
            ConsentGivenBy = request.ConsentGivenBy?.OfType<string>().ToList(),
            CareLevel = request.CareLevel,
            IncomeStatus = request.IncomeStatus,
            DiagnosisCodes = request.DiagnosisCodes?.OfType<string>().ToList(),
            DocumentsCompleteOn = request.DocumentsCompleteOn,
            Programme = request.Programme,
        };
        return facts is { ReferredBy: null, ConsentGivenBy: null, CareLevel: null, IncomeStatus: null, DiagnosisCodes: null, DocumentsCompleteOn: null, Programme: null }
            ? null
            : facts;
    }

    private static string? OneOf(string? value, string field, IReadOnlyList<string> known, ValidationErrors errors)
    {
        var trimmed = value?.Trim();
        if (trimmed is null)
        {
            return null;
        }

        if (!known.Contains(trimmed))
        {
            errors.Add(field, $"Unknown value. Known: {string.Join(", ", known)}.");
        }

        return trimmed;
    }

    private static List<string>? Each(IReadOnlyList<string?>? values, string field, Func<string, bool> isKnown, string known, ValidationErrors errors)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count > MaxCodes)
        {
            errors.Add(field, $"At most {MaxCodes} entries.");
        }

        var result = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i]?.Trim();
            if (value is null || !isKnown(value))
            {
                errors.Add($"{field}[{i}]", $"Unknown value. Expected {known}.");
            }
            else if (!result.Contains(value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Icd10();

    [GeneratedRegex(@"^[SMNEHJW][0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Programme();
}
