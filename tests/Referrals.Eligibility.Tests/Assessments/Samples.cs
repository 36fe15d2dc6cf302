using Referrals.Contracts.Eligibility;
using Referrals.Contracts.Intake;
using Referrals.Eligibility.Assessments;
using Referrals.Eligibility.Rules;

namespace Referrals.Eligibility.Tests.Assessments;

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 30, 0, TimeSpan.Zero);

    public static readonly DateOnly BirthDate = new(1961, 12, 1);

    public static ReferralSubmitted Submitted(Guid referralId, string serviceType = "group-home", string clientGroup = "mental-disorder", string declared = "LV-REZ") => new(
        Guid.NewGuid(),
        referralId,
        Now,
        "sw-rezekne-1",
        "R-ABC123",
        "LV-REZ",
        declared,
        serviceType,
        clientGroup,
        BirthDate,
        "female",
        ["application", "id-document", "gp-certificate", "psychiatrist-opinion"],
        null,
        new FamilyContact("+37120000001", "lv"));

    public static Assessment Assessment(Guid referralId, EligibilityOutcome outcome = EligibilityOutcome.NotEligible)
    {
        var evaluation = new EligibilityEvaluation(outcome, "2026.1", [
            new RuleResult("R01", RuleVerdict.Passed, "Deklarētā dzīvesvieta atbilst", "Declared residence fits"),
            new RuleResult("AGE.group-home", RuleVerdict.Failed, "Vecums 17 g.; pakalpojums paredzēts no 18 gadiem", "Age 17; the service is for ages 18 and over"),
        ]);
        return Eligibility.Assessments.Assessment.Of(referralId, "group-home", evaluation, Now);
    }
}
