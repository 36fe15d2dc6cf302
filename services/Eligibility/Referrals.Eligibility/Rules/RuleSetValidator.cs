using Referrals.Reference;

namespace Referrals.Eligibility.Rules;

/// <summary>Checks a rule set's data against the shared vocabularies, so a typo in the catalogue stops start-up.</summary>
public static class RuleSetValidator
{
    public static IReadOnlyList<string> Problems(RuleSet ruleSet)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ruleSet.Version))
        {
            problems.Add("the rule set has no version");
        }

        foreach (var duplicate in ruleSet.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"rule id '{duplicate.Key}' is used {duplicate.Count()} times");
        }

        foreach (var rule in ruleSet.Rules)
        {
            problems.AddRange(Problems(rule).Select(p => $"{(rule.Id.Length == 0 ? "(no id)" : rule.Id)}: {p}"));
        }

        return problems;
    }

    private static IEnumerable<string> Problems(EligibilityRule rule)
    {
        if (string.IsNullOrWhiteSpace(rule.Id))
        {
            yield return "the rule has no id";
        }

        if (string.IsNullOrWhiteSpace(rule.TitleLv) || string.IsNullOrWhiteSpace(rule.TitleEn))
        {
            yield return "the rule needs a title in Latvian and English";
        }

        if (string.IsNullOrWhiteSpace(rule.Source.LegalAct)
            && (string.IsNullOrWhiteSpace(rule.Source.Seed) || string.IsNullOrWhiteSpace(rule.Source.Lines)))
        {
            yield return "the source needs a seed file with lines, or a legal act";
        }

        if (rule.ValidFrom > rule.ValidTo)
        {
            yield return "validFrom is after validTo";
        }

        foreach (var code in rule.ServiceTypes.Where(c => !ServiceTypes.IsKnown(c)))
        {
            yield return $"unknown service type '{code}'";
        }

        foreach (var code in rule.ClientGroups.Where(c => !ClientGroups.IsKnown(c)))
        {
            yield return $"unknown client group '{code}'";
        }

        foreach (var problem in rule.Criterion.Problems())
        {
            yield return problem;
        }
    }
}
