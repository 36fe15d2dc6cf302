using Referrals.Intake.Http;

namespace Referrals.Intake.Submit;

/// <summary>
/// The consent recorded with every referral: who gave it (the person or their legal representative), when, and for
/// which purposes. Processing the referral needs <c>referral-processing</c>; SMS updates need <c>sms-updates</c>.
/// </summary>
public static class SubmitConsent
{
    public const string ReferralProcessing = "referral-processing";
    public const string SmsUpdates = "sms-updates";

    public static readonly IReadOnlyList<string> Purposes = [ReferralProcessing, SmsUpdates];

    /// <returns>The consent normalised (trimmed, purposes without repeats), or null when it is missing.</returns>
    public static SubmitReferralConsent? Validate(SubmitReferralConsent? consent, bool smsConsent, DateOnly today, ValidationErrors errors)
    {
        if (consent is null)
        {
            errors.Add("consent", "Required: who gave consent (givenBy), when (givenOn) and for which purposes.");
            return null;
        }

        var givenBy = consent.GivenBy?.Trim();
        if (givenBy is null || !SubmitReferralFacts.Consenters.Contains(givenBy))
        {
            errors.Add("consent.givenBy", $"Required, one of: {string.Join(", ", SubmitReferralFacts.Consenters)}.");
        }

        if (consent.GivenOn is null)
        {
            errors.Add("consent.givenOn", "Required, as YYYY-MM-DD.");
        }
        else if (consent.GivenOn > today)
        {
            errors.Add("consent.givenOn", "Must not be in the future.");
        }

        var purposes = new List<string?>();
        if (consent.Purposes is null)
        {
            errors.Add("consent.purposes", $"Required: at least {ReferralProcessing}.");
        }
        else
        {
            for (var i = 0; i < consent.Purposes.Count; i++)
            {
                var purpose = consent.Purposes[i]?.Trim();
                if (purpose is null || !Purposes.Contains(purpose))
                {
                    errors.Add($"consent.purposes[{i}]", $"Unknown purpose. Known: {string.Join(", ", Purposes)}.");
                }
                else if (!purposes.Contains(purpose))
                {
                    purposes.Add(purpose);
                }
            }

            if (!purposes.Contains(ReferralProcessing))
            {
                errors.Add("consent.purposes", $"Must include {ReferralProcessing}: without it the referral cannot be processed.");
            }

            if (smsConsent && !purposes.Contains(SmsUpdates))
            {
                errors.Add("consent.purposes", $"Must include {SmsUpdates} when family.smsConsent is true.");
            }
        }

        return new SubmitReferralConsent(givenBy, consent.GivenOn, purposes);
    }
}
