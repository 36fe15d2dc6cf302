using Referrals.Contracts.Eligibility;

namespace Referrals.Eligibility.Rules;

/// <summary>The result of evaluating one referral: the outcome and one line per applicable rule, ordered by rule id.</summary>
public sealed record EligibilityEvaluation(EligibilityOutcome Outcome, string RuleSetVersion, IReadOnlyList<RuleResult> Results);

/// <summary>
/// Pure evaluation: (rule set, facts, reference date) → outcome. Rules are judged independently and the outcome is a
/// set property of the verdicts (any statutory/programme failure → NotEligible; else any missing document →
/// NeedsInformation; else Eligible), so the order of the rules cannot change it.
/// </summary>
public static class RuleEvaluator
{
    public static EligibilityEvaluation Evaluate(RuleSet ruleSet, EligibilityFacts facts, DateOnly referenceDate)
    {
        var results = ruleSet.Rules
            .Where(rule => rule.AppliesTo(facts, referenceDate))
            .Select(rule => Judge(rule, facts, referenceDate))
            .OrderBy(result => result.RuleId, StringComparer.Ordinal)
            .ToList();
        var outcome = results.Any(r => r.Verdict == RuleVerdict.Failed) ? EligibilityOutcome.NotEligible
            : results.Any(r => r.Verdict == RuleVerdict.MissingInformation) ? EligibilityOutcome.NeedsInformation
            : EligibilityOutcome.Eligible;
        return new EligibilityEvaluation(outcome, ruleSet.Version, results);
    }

    private static RuleResult Judge(EligibilityRule rule, EligibilityFacts facts, DateOnly referenceDate)
    {
        var check = rule.Criterion.Check(facts, referenceDate);
        if (rule.Strength == RuleStrength.Descriptive && check.Verdict != RuleVerdict.Passed)
        {
            // Target-group wording informs the social worker; it must never refuse or hold up a referral.
            return new RuleResult(
                rule.Id,
                RuleVerdict.Warning,
                $"{check.ReasonLv} (orientējošs kritērijs, atteikumu nenosaka)",
                $"{check.ReasonEn} (guidance only; not a reason to refuse)");
        }

        return new RuleResult(rule.Id, check.Verdict, check.ReasonLv, check.ReasonEn);
    }
}
