namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// A condition of the source the referral carries no fact for (motivation, an Art. 58 trigger, signs of addiction).
/// It is shown as a warning for the social worker to confirm; it never decides on its own.
/// </summary>
public sealed record SocialWorkerJudgement : Criterion
{
    public required string ConditionLv { get; init; }

    public required string ConditionEn { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate) =>
        CriterionCheck.Warning($"Sociālajam darbiniekam jāpārliecinās: {ConditionLv}", $"For the social worker to confirm: {ConditionEn}");

    public override IEnumerable<RuleProblem> Problems()
    {
        if (string.IsNullOrWhiteSpace(ConditionLv))
        {
            yield return new("conditionLv", "the condition is required in Latvian");
        }

        if (string.IsNullOrWhiteSpace(ConditionEn))
        {
            yield return new("conditionEn", "the condition is required in English");
        }
    }
}
