using Referrals.Eligibility.Rules.Criteria;
using Referrals.Reference;

namespace Referrals.Eligibility.Rules;

/// <summary>
/// Checks a rule set's data against the shared vocabularies, so a typo in the catalogue stops start-up and a bad
/// uploaded document is refused. Every problem is keyed by its JSON path (<c>rules[3].criterion.minYears</c>).
/// </summary>
public static class RuleSetValidator
{
    public static IReadOnlyList<RuleProblem> Problems(RuleSet ruleSet)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(ruleSet.Version))
        {
            problems.Add(new("version", "the rule set has no version"));
        }

        if (ruleSet.Rules is null || ruleSet.Rules.Count == 0)
        {
            problems.Add(new("rules", "a rule set needs at least one rule"));
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ruleSet.Rules.Count; i++)
        {
            var rule = ruleSet.Rules[i];
            if (rule is null)
            {
                problems.Add(new($"rules[{i}]", "the rule is empty"));
                continue;
            }

            if (!string.IsNullOrEmpty(rule.Id) && !seen.Add(rule.Id))
            {
                problems.Add(new($"rules[{i}].id", $"rule id '{rule.Id}' is used more than once"));
            }

            problems.AddRange(Problems(rule).Select(p => p.Under($"rules[{i}]")));
        }

        return problems;
    }

    private static IEnumerable<RuleProblem> Problems(EligibilityRule rule)
    {
        if (string.IsNullOrWhiteSpace(rule.Id))
        {
            yield return new("id", "the rule has no id");
        }

        if (string.IsNullOrWhiteSpace(rule.TitleLv))
        {
            yield return new("titleLv", "the rule needs a Latvian title");
        }

        if (string.IsNullOrWhiteSpace(rule.TitleEn))
        {
            yield return new("titleEn", "the rule needs an English title");
        }

        if (rule.Source is null)
        {
            yield return new("source", "the rule needs a source");
        }
        else if (string.IsNullOrWhiteSpace(rule.Source.LegalAct)
            && (string.IsNullOrWhiteSpace(rule.Source.Seed) || string.IsNullOrWhiteSpace(rule.Source.Lines)))
        {
            yield return new("source", "the source needs a seed file with lines, or a legal act");
        }

        if (rule.ValidFrom > rule.ValidTo)
        {
            yield return new("validFrom", "validFrom is after validTo");
        }

        foreach (var problem in Names.CodeProblems("serviceTypes", rule.ServiceTypes, ServiceTypes.IsKnown, "service type", allowEmpty: true))
        {
            yield return problem;
        }

        foreach (var problem in Names.CodeProblems("clientGroups", rule.ClientGroups, ClientGroups.IsKnown, "client group", allowEmpty: true))
        {
            yield return problem;
        }

        foreach (var problem in Names.CodeProblems("programmes", rule.Programmes, FactCodes.IsProgramme, "programme code", allowEmpty: true))
        {
            yield return problem;
        }

        if (rule.Criterion is null)
        {
            yield return new("criterion", "the rule needs a criterion");
            yield break;
        }

        foreach (var problem in rule.Criterion.Problems())
        {
            yield return problem.Under("criterion");
        }
    }
}
