using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.Rules.Criteria;
using Referrals.Reference;
using Xunit;

namespace Referrals.Eligibility.Tests.Rules;

/// <summary>Properties the evaluation must have whatever the catalogue contains.</summary>
public sealed class EvaluationPropertyTests
{
    private static readonly RuleSet Catalogue = RuleSetCatalogue.LoadEmbedded();

    /// <summary>Every service type × client group, with ages and residences and documents that trip different rules.</summary>
    public static IEnumerable<EligibilityFacts> FactGrid()
    {
        string[] births = ["2024-01-01", "2015-06-15", "2008-06-15", "2001-06-15", "1950-01-31"];
        foreach (var service in ServiceTypes.All)
        {
            foreach (var group in ClientGroups.All)
            {
                var born = births[(service.Code.Length + group.Code.Length) % births.Length];
                yield return Facts.For(service.Code, group.Code, born);
                yield return Facts.For(service.Code, group.Code, born, declaredMunicipality: "LV-RIX", documents: ["application"]);
            }
        }
    }

    [Fact]
    public void Shuffling_the_rules_changes_neither_outcome_nor_results()
    {
        var random = new Random(138);
        foreach (var facts in FactGrid())
        {
            var expected = RuleEvaluator.Evaluate(Catalogue, facts, Facts.AssessmentDate);
            for (var i = 0; i < 5; i++)
            {
                var shuffled = Catalogue with { Rules = Catalogue.Rules.OrderBy(_ => random.Next()).ToList() };

                var actual = RuleEvaluator.Evaluate(shuffled, facts, Facts.AssessmentDate);

                Assert.Equal(expected.Outcome, actual.Outcome);
                Assert.Equal(expected.Results, actual.Results);
            }
        }
    }

    [Fact]
    public void The_grid_reaches_every_outcome_so_the_properties_are_not_vacuous()
    {
        var outcomes = FactGrid().Select(f => RuleEvaluator.Evaluate(Catalogue, f, Facts.AssessmentDate).Outcome).ToHashSet();

        Assert.Equal(Enum.GetValues<EligibilityOutcome>().ToHashSet(), outcomes);
        Assert.Contains(FactGrid(), f => RuleEvaluator.Evaluate(Catalogue, f, Facts.AssessmentDate).Results.Any(r => r.Verdict == RuleVerdict.Warning));
    }

    [Fact]
    public void Descriptive_rules_never_change_an_outcome()
    {
        var withoutDescriptive = Catalogue with { Rules = Catalogue.Rules.Where(r => r.Strength != RuleStrength.Descriptive).ToList() };
        Assert.NotEqual(Catalogue.Rules.Count, withoutDescriptive.Rules.Count);

        foreach (var facts in FactGrid())
        {
            Assert.Equal(
                RuleEvaluator.Evaluate(withoutDescriptive, facts, Facts.AssessmentDate).Outcome,
                RuleEvaluator.Evaluate(Catalogue, facts, Facts.AssessmentDate).Outcome);
        }
    }

    [Fact]
    public void A_failing_descriptive_rule_is_a_warning()
    {
        var ruleSet = new RuleSet("test", [
            Rule("D1", RuleStrength.Descriptive, new AgeRange { MinYears = 65 }),
            Rule("D2", RuleStrength.Descriptive, new RequiredDocuments { Documents = ["needs-assessment"] }),
        ]);

        var evaluation = RuleEvaluator.Evaluate(ruleSet, Facts.For("home-care", "elderly", "1990-01-01", documents: []), Facts.AssessmentDate);

        Assert.All(evaluation.Results, r => Assert.Equal(RuleVerdict.Warning, r.Verdict));
        Assert.Contains("guidance only", evaluation.Results[0].ReasonEn, StringComparison.Ordinal);
        Assert.Equal(EligibilityOutcome.Eligible, evaluation.Outcome);
    }

    [Fact]
    public void The_same_failing_check_blocks_when_it_is_a_programme_rule()
    {
        var ruleSet = new RuleSet("test", [Rule("P1", RuleStrength.Programme, new AgeRange { MinYears = 65 })]);

        var evaluation = RuleEvaluator.Evaluate(ruleSet, Facts.For("home-care", "elderly", "1990-01-01"), Facts.AssessmentDate);

        Assert.Equal(RuleVerdict.Failed, Assert.Single(evaluation.Results).Verdict);
        Assert.Equal(EligibilityOutcome.NotEligible, evaluation.Outcome);
    }

    [Theory]
    [InlineData("2026-06-15", null, true)]
    [InlineData("2026-06-16", null, false)]
    [InlineData(null, "2026-06-15", true)]
    [InlineData(null, "2026-06-14", false)]
    public void A_rule_applies_only_within_its_validity_dates(string? from, string? to, bool applies)
    {
        var rule = Rule("V1", RuleStrength.Statutory, new AgeRange { MinYears = 65 }) with
        {
            ValidFrom = from is null ? null : DateOnly.Parse(from),
            ValidTo = to is null ? null : DateOnly.Parse(to),
        };

        var evaluation = RuleEvaluator.Evaluate(new RuleSet("test", [rule]), Facts.For("home-care", "elderly", "1990-01-01"), Facts.AssessmentDate);

        Assert.Equal(applies ? EligibilityOutcome.NotEligible : EligibilityOutcome.Eligible, evaluation.Outcome);
        Assert.Equal(applies ? 1 : 0, evaluation.Results.Count);
    }

    [Fact]
    public void Results_name_the_rule_set_version()
    {
        var evaluation = RuleEvaluator.Evaluate(Catalogue, Facts.For("home-care", "elderly"), Facts.AssessmentDate);

        Assert.Equal("1", evaluation.RuleSetVersion);
    }

    private static EligibilityRule Rule(string id, RuleStrength strength, Criterion criterion) => new()
    {
        Id = id,
        TitleLv = id,
        TitleEn = id,
        Strength = strength,
        Source = new RuleSource(null, null, "test"),
        Criterion = criterion,
    };
}
