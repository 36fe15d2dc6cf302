using Referrals.Contracts.Eligibility;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// A rule of the source with several conditions joined by AND ("age 13–17 AND lives in Tukuma novads AND …").
/// The verdict is the worst of the parts (Failed, then MissingInformation, then Warning, then Passed); the reason
/// lists the parts that did not pass, or all of them when everything passed.
/// </summary>
public sealed record AllOf : Criterion
{
    public required IReadOnlyList<Criterion> Criteria { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var checks = Criteria.Select(c => c.Check(facts, referenceDate)).ToList();
        var verdict = checks.Select(c => c.Verdict).OrderBy(Severity).Last();
        var shown = verdict == RuleVerdict.Passed ? checks : checks.Where(c => c.Verdict != RuleVerdict.Passed).ToList();
        return new CriterionCheck(
            verdict,
            string.Join("; ", shown.Select(c => c.ReasonLv)),
            string.Join("; ", shown.Select(c => c.ReasonEn)));
    }

    public override IEnumerable<RuleProblem> Problems()
    {
        if (Criteria is null || Criteria.Count == 0)
        {
            yield return new("criteria", "at least one criterion is required");
            yield break;
        }

        for (var i = 0; i < Criteria.Count; i++)
        {
            foreach (var problem in Criteria[i].Problems())
            {
                yield return problem.Under($"criteria[{i}]");
            }
        }
    }

    private static int Severity(RuleVerdict verdict) => verdict switch
    {
        RuleVerdict.Failed => 3,
        RuleVerdict.MissingInformation => 2,
        RuleVerdict.Warning => 1,
        _ => 0,
    };
}
