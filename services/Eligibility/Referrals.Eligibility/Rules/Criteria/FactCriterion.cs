namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// A criterion over an optional fact of the referral (who referred, consent, care level, income status, diagnoses,
/// gender). When the fact is not stated: an <see cref="Essential"/> criterion asks for it (MissingInformation →
/// NeedsInformation), any other only warns, because the rule cannot be judged but must not hold the referral up.
/// </summary>
public abstract record FactCriterion : Criterion
{
    public bool Essential { get; init; } = true;

    protected CriterionCheck NotStated(string lv, string en) => Essential
        ? CriterionCheck.Missing($"Nepieciešama informācija: {lv}", $"Information needed: {en}")
        : CriterionCheck.Warning($"Nav norādīts: {lv}; kritēriju nevar izvērtēt", $"Not stated: {en}; the criterion cannot be judged");
}
