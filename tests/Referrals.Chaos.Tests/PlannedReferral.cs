using System.Globalization;

namespace Referrals.Chaos.Tests;

/// <summary>
/// One referral the run submits: its idempotency key (the same on every retry), a phone number of its own (so each SMS
/// fakesmsc receives belongs to exactly one referral) and whether the rules find the client eligible.
/// </summary>
public sealed record PlannedReferral(int Index, string IdempotencyKey, string Phone, bool Eligible, object Body)
{
    /// <summary>Every tenth is a child outside the day centre's age limits: NotEligible, so Rejected.</summary>
    public static PlannedReferral Create(ChaosScenario scenario, string run, int index, string today)
    {
        var eligible = index % 10 != 9;
        var phone = "+3712" + (1_000_000 + scenario.PhoneOffset + index).ToString("D7", CultureInfo.InvariantCulture);
        // The 2017 format (32xxxx-xxxxx) encodes no birth date and has no check digit to compute.
        var digits = (100_000_000 + scenario.PhoneOffset + index).ToString("D9", CultureInfo.InvariantCulture);
        var personalCode = $"32{digits[..4]}-{digits[4..]}";
        var body = new
        {
            municipality = scenario.Municipality,
            serviceType = eligible ? scenario.ServiceType : "child-day-centre",
            clientGroup = eligible ? scenario.ClientGroup : "children-with-behavioural-problems",
            documents = new[] { "application", "id-document", "gp-certificate", "psychiatrist-opinion", "income-statement" },
            preferredProviderId = (string?)null,
            client = new
            {
                givenName = "Chaos",
                familyName = "Tests",
                personalCode,
                dateOfBirth = eligible ? scenario.DateOfBirth : "1996-03-02",
                gender = "female",
                address = "Rīgas iela 1, Daugavpils, LV-5401",
                declaredMunicipality = scenario.Municipality,
            },
            // English texts are plain GSM-7 under 160 characters: one SMS part each, easy to count.
            family = new { phone, preferredLanguage = "en", smsConsent = true },
            consent = new { givenBy = "person", givenOn = today, purposes = new[] { "referral-processing", "sms-updates" } },
        };
        return new PlannedReferral(index, $"chaos-{run}-{index}", phone, eligible, body);
    }

    public string PhoneDigits => Phone[1..];

    /// <summary>The scenario phone offset a number (digits only, 3712xxxxxxx) belongs to; -1 for any other number.</summary>
    public static int BandOf(string digits) =>
        digits.Length == 11 && digits.StartsWith("3712", StringComparison.Ordinal)
            && int.TryParse(digits.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1_000_000
            ? (n - 1_000_000) / Band * Band
            : -1;

    /// <summary>Each scenario's numbers lie in a band of this many; a run has fewer referrals.</summary>
    public const int Band = 500_000;
}
