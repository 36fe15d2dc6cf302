using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Contracts.Notification;
using Referrals.Contracts.ProviderDirectory;
using Referrals.Intake.Protection;
using Referrals.Intake.Referrals;
using Referrals.Messaging.Outbox;

namespace Referrals.Intake.Tests.Referrals;

/// <summary>Referrals and directory events as the tests need them.</summary>
internal static class ReferralFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public const string PersonalCode = "161175-19997";
    public const string Phone = "+37120000001";

    public static PersonalDataProtector Protector { get; } = TestProtection.Protector();

    public static Referral NewReferral(
        string municipality = "LV-DGV",
        bool smsConsent = true,
        string? idempotencyKey = null,
        DateTimeOffset? at = null)
    {
        var referral = new Referral
        {
            Id = Guid.NewGuid().ToString(),
            ShortCode = ShortCodes.New(),
            Municipality = municipality,
            ServiceType = "day-care-centre",
            ClientGroup = "elderly",
            Documents = ["application", "id-document"],
            Client = new ReferralClient
            {
                ClientId = Guid.NewGuid(),
                GivenName = "Anna",
                FamilyName = "Bērziņa",
                ProtectedPersonalCode = Protector.Protect(PersonalCode, PersonalDataProtector.PersonalCodePurpose),
                PersonalCodeHash = Protector.PersonalCodeHash(PersonalCode),
                DateOfBirth = new DateOnly(1975, 11, 16),
                Gender = "female",
                Address = "Rīgas iela 1, Daugavpils, LV-5401",
                DeclaredMunicipality = municipality,
            },
            Family = new ReferralFamily
            {
                ProtectedPhone = Protector.Protect(Phone, PersonalDataProtector.PhonePurpose),
                PreferredLanguage = "ru",
                SmsConsent = smsConsent,
            },
            Consent = new ReferralConsent
            {
                GivenBy = "person",
                GivenOn = DateOnly.FromDateTime((at ?? Now).UtcDateTime),
                Purposes = smsConsent ? ["referral-processing", "sms-updates"] : ["referral-processing"],
                RecordedBy = "sw-daugavpils-1",
                RecordedAt = at ?? Now,
            },
            IdempotencyKey = idempotencyKey,
            RequestHash = idempotencyKey is null ? null : "hash-" + idempotencyKey,
        };
        ReferralStateMachine.Submit(referral, "sw-daugavpils-1", at ?? Now, Phone);
        return referral;
    }

    public static List<T> Raised<T>(this Referral referral)
        where T : class =>
        referral.Outbox
            .Where(e => e.MessageType.StartsWith(typeof(T).FullName + ",", StringComparison.Ordinal))
            .Select(e => (T)MessageJson.Unwrap(e).Message)
            .ToList();

    public static EligibilityAssessed Assessed(Referral referral, EligibilityOutcome outcome) =>
        new(Guid.NewGuid(), referral.ReferralGuid(), Now, outcome, "2026.1",
        [
            new RuleResult("age", RuleVerdict.Passed, "Vecums atbilst", "Age fits"),
            new RuleResult("residence", outcome == EligibilityOutcome.NotEligible ? RuleVerdict.Failed : RuleVerdict.Passed,
                "Nav deklarēts pašvaldībā", "Not declared in the municipality"),
            new RuleResult("documents", outcome == EligibilityOutcome.NeedsInformation ? RuleVerdict.MissingInformation : RuleVerdict.Passed,
                "Trūkst ģimenes ārsta izziņas", "GP certificate missing"),
        ]);

    public static PlacementOffered Offered(Referral referral, int attempt, string provider = "org-dgv-dac") =>
        new(Guid.NewGuid(), referral.ReferralGuid(), Now, attempt, Guid.NewGuid(), provider, "Daugavpils DAC", "svc-" + provider, 1, ["closest"]);

    /// <summary>Of <paramref name="offerId"/>, else of the referral's current offer, else of an offer never made.</summary>
    public static PlacementDeclined Declined(Referral referral, int attempt, Guid? offerId = null, string provider = "org-dgv-dac") =>
        new(Guid.NewGuid(), referral.ReferralGuid(), Now, "provider-7", attempt, offerId ?? referral.CurrentOffer?.OfferId ?? Guid.NewGuid(),
            provider, DeclineReason.NoCapacity, null);

    public static ReferralWaitlisted Waitlisted(Referral referral, int attempt, int position = 3) =>
        new(Guid.NewGuid(), referral.ReferralGuid(), Now, attempt, referral.ServiceType, position);

    /// <summary>Of <paramref name="offerId"/>, else of the referral's current offer, else of an offer never made.</summary>
    public static PlacementAccepted Accepted(Referral referral, int attempt, Guid? offerId = null, string provider = "org-dgv-dac") =>
        new(Guid.NewGuid(), referral.ReferralGuid(), Now, "provider-7", attempt, offerId ?? referral.CurrentOffer?.OfferId ?? Guid.NewGuid(),
            provider, "Daugavpils DAC", "+37165400000", "svc-dgv-dac");

    public static SmsStatusChanged Sms(Referral referral, int sequence, SmsState state) =>
        new(Guid.NewGuid(), referral.ReferralGuid(), Now, Guid.NewGuid(), sequence, state, null);
}
