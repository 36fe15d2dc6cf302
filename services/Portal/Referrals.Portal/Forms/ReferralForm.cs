using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Referrals.Portal.Forms;

/// <summary>
/// The "new referral" form. Its field names are the JSON paths of <c>POST /api/referrals</c>, so the API's
/// field-keyed problem details are shown next to the field they name.
/// </summary>
public sealed class ReferralForm
{
    public static readonly IReadOnlyList<string> Referrers = ["social-service", "orphans-court", "doctor", "probation-or-court", "self"];
    public static readonly IReadOnlyList<string> CareLevels = ["I", "II", "III", "IV"];
    public static readonly IReadOnlyList<string> IncomeStatuses = ["needy", "low-income", "none"];
    public static readonly IReadOnlyList<string> Consenters = ["person", "legal-representative"];
    public static readonly IReadOnlyList<string> Purposes = ["referral-processing", "sms-updates"];

    public string Municipality { get; set; } = "";
    public string ServiceType { get; set; } = "";
    public string ClientGroup { get; set; } = "";
    public IReadOnlyList<string> Documents { get; set; } = [];
    public string PreferredProviderId { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string PersonalCode { get; set; } = "";
    public string DateOfBirth { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Address { get; set; } = "";
    public string DeclaredMunicipality { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PreferredLanguage { get; set; } = "lv";
    public bool SmsConsent { get; set; }
    public string ConsentGivenBy { get; set; } = "";
    public string ConsentGivenOn { get; set; } = "";
    public IReadOnlyList<string> ConsentPurposes { get; set; } = ["referral-processing"];
    public string ReferredBy { get; set; } = "";
    public string CareLevel { get; set; } = "";
    public string IncomeStatus { get; set; } = "";

    /// <summary>Makes a double-clicked or retried submit return the same referral instead of a second one.</summary>
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString();

    public static ReferralForm From(IFormCollection form, string municipality) => new()
    {
        Municipality = municipality,
        ServiceType = One(form["serviceType"]),
        ClientGroup = One(form["clientGroup"]),
        Documents = Many(form["documents"]),
        PreferredProviderId = One(form["preferredProviderId"]),
        GivenName = One(form["client.givenName"]),
        FamilyName = One(form["client.familyName"]),
        PersonalCode = One(form["client.personalCode"]),
        DateOfBirth = One(form["client.dateOfBirth"]),
        Gender = One(form["client.gender"]),
        Address = One(form["client.address"]),
        DeclaredMunicipality = One(form["client.declaredMunicipality"]),
        Phone = One(form["family.phone"]),
        PreferredLanguage = One(form["family.preferredLanguage"]),
        SmsConsent = One(form["family.smsConsent"]) == "true",
        ConsentGivenBy = One(form["consent.givenBy"]),
        ConsentGivenOn = One(form["consent.givenOn"]),
        ConsentPurposes = Many(form["consent.purposes"]),
        ReferredBy = One(form["referredBy"]),
        CareLevel = One(form["careLevel"]),
        IncomeStatus = One(form["incomeStatus"]),
        IdempotencyKey = One(form["idempotencyKey"]) is { Length: > 0 and <= 100 } key ? key : Guid.NewGuid().ToString(),
    };

    /// <summary>Dates the browser could not give as YYYY-MM-DD are refused here; everything else is the API's to judge.</summary>
    public void CheckDates(FormErrors errors, Func<string, string> text)
    {
        if (DateOfBirth.Length > 0 && Date(DateOfBirth) is null)
        {
            errors.Add("client.dateOfBirth", text("error.date"));
        }

        if (ConsentGivenOn.Length > 0 && Date(ConsentGivenOn) is null)
        {
            errors.Add("consent.givenOn", text("error.date"));
        }
    }

    public object ToSubmission() => new
    {
        municipality = Municipality,
        serviceType = Null(ServiceType),
        clientGroup = Null(ClientGroup),
        documents = Documents,
        preferredProviderId = Null(PreferredProviderId),
        client = new
        {
            givenName = Null(GivenName),
            familyName = Null(FamilyName),
            personalCode = Null(PersonalCode),
            dateOfBirth = Date(DateOfBirth),
            gender = Null(Gender),
            address = Null(Address),
            declaredMunicipality = Null(DeclaredMunicipality),
        },
        family = new { phone = Null(Phone), preferredLanguage = Null(PreferredLanguage), smsConsent = SmsConsent },
        consent = new { givenBy = Null(ConsentGivenBy), givenOn = Date(ConsentGivenOn), purposes = ConsentPurposes },
        referredBy = Null(ReferredBy),
        careLevel = Null(CareLevel),
        incomeStatus = Null(IncomeStatus),
        consentGivenBy = ConsentGivenBy.Length > 0 ? new[] { ConsentGivenBy } : null,
    };

    /// <summary>The what-if body of <c>POST /api/eligibility/check</c>: the facts, no personal data.</summary>
    public object ToEligibilityCheck() => new
    {
        serviceType = Null(ServiceType),
        clientGroup = Null(ClientGroup),
        dateOfBirth = Date(DateOfBirth),
        municipality = Municipality,
        declaredMunicipality = Null(DeclaredMunicipality),
        documents = Documents,
        gender = Null(Gender),
        referredBy = Null(ReferredBy),
        careLevel = Null(CareLevel),
        incomeStatus = Null(IncomeStatus),
        consentGivenBy = ConsentGivenBy.Length > 0 ? new[] { ConsentGivenBy } : null,
    };

    /// <summary>The check names some fields without the submission's nesting.</summary>
    public static readonly IReadOnlyDictionary<string, string> CheckFieldNames = new Dictionary<string, string>
    {
        ["dateOfBirth"] = "client.dateOfBirth",
        ["declaredMunicipality"] = "client.declaredMunicipality",
        ["gender"] = "client.gender",
        ["consentGivenBy"] = "consent.givenBy",
    };

    private static string? Null(string value) => value.Length == 0 ? null : value;

    private static string? Date(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private static string One(StringValues values) => values.ToString().Trim();

    private static List<string> Many(StringValues values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
