using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Rules;
using Xunit;

namespace Referrals.Eligibility.Tests.Rules;

/// <summary>The catalogue's age limits at their boundaries, assessed on 15 June 2026.</summary>
public sealed class AgeLimitTests
{
    private static readonly RuleSet Catalogue = RuleSetCatalogue.LoadEmbedded();

    public static TheoryData<string, string, string, string, RuleVerdict> Boundaries() => new()
    {
        // child-day-centre 7–18 (004 l.1465–1547)
        { "child-day-centre", "children-with-behavioural-problems", "2019-06-16", "R05", RuleVerdict.Failed },  // 6, turns 7 tomorrow
        { "child-day-centre", "children-with-behavioural-problems", "2019-06-15", "R05", RuleVerdict.Passed },  // turns 7 today
        { "child-day-centre", "children-with-behavioural-problems", "2008-06-15", "R05", RuleVerdict.Passed },  // turns 18 today
        { "child-day-centre", "children-with-behavioural-problems", "2007-06-16", "R05", RuleVerdict.Passed },  // 18, turns 19 tomorrow
        { "child-day-centre", "children-with-behavioural-problems", "2007-06-15", "R05", RuleVerdict.Failed },  // turns 19 today
        // adults 18+
        { "group-home", "mental-disorder", "2008-06-16", "AGE.group-home", RuleVerdict.Failed },
        { "group-home", "mental-disorder", "2008-06-15", "AGE.group-home", RuleVerdict.Passed },
        { "halfway-house", "mental-disorder", "2008-06-16", "AGE.halfway-house", RuleVerdict.Failed },
        { "halfway-house", "mental-disorder", "2008-06-15", "AGE.halfway-house", RuleVerdict.Passed },
        { "day-care-centre", "mental-disorder", "2008-06-16", "AGE.day-care-centre.mental-disorder", RuleVerdict.Failed },
        { "day-care-centre", "mental-disorder", "2008-06-15", "AGE.day-care-centre.mental-disorder", RuleVerdict.Passed },
        // youth home: not past 24 (001 L2628)
        { "youth-home", "young-care-leavers", "2002-06-15", "AGE.youth-home", RuleVerdict.Passed },  // turns 24 today
        { "youth-home", "young-care-leavers", "2001-06-16", "AGE.youth-home", RuleVerdict.Passed },  // 24, turns 25 tomorrow
        { "youth-home", "young-care-leavers", "2001-06-15", "AGE.youth-home", RuleVerdict.Failed },  // turns 25 today
        // correction care home 11–18 (001 L2631–2639)
        { "correction-care-home", "children-with-behavioural-problems", "2015-06-16", "AGE.correction-care-home", RuleVerdict.Failed },
        { "correction-care-home", "children-with-behavioural-problems", "2015-06-15", "AGE.correction-care-home", RuleVerdict.Passed },
        { "correction-care-home", "children-with-behavioural-problems", "2007-06-16", "AGE.correction-care-home", RuleVerdict.Passed },
        { "correction-care-home", "children-with-behavioural-problems", "2007-06-15", "AGE.correction-care-home", RuleVerdict.Failed },
        // under 18
        { "family-like-care-home", "children-without-parental-care", "2008-06-16", "AGE.family-like-care-home", RuleVerdict.Passed },
        { "family-like-care-home", "children-without-parental-care", "2008-06-15", "AGE.family-like-care-home", RuleVerdict.Failed },
        { "foster-care", "children-without-parental-care", "2008-06-16", "AGE.foster-care", RuleVerdict.Passed },
        { "foster-care", "children-without-parental-care", "2008-06-15", "AGE.foster-care", RuleVerdict.Failed },
        { "behaviour-correction", "children-with-behavioural-problems", "2008-06-16", "R18.age", RuleVerdict.Passed },
        { "behaviour-correction", "children-with-behavioural-problems", "2008-06-15", "R18.age", RuleVerdict.Failed },
        { "child-victim-rehabilitation", "victims-of-violence", "2008-06-16", "R22.age", RuleVerdict.Passed },
        { "child-victim-rehabilitation", "victims-of-violence", "2008-06-15", "R22.age", RuleVerdict.Failed },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void An_age_limit_holds_exactly_at_its_boundary(string serviceType, string clientGroup, string born, string ruleId, RuleVerdict expected)
    {
        var evaluation = RuleEvaluator.Evaluate(Catalogue, Facts.For(serviceType, clientGroup, born), Facts.AssessmentDate);

        var result = Assert.Single(evaluation.Results, r => r.RuleId == ruleId);
        Assert.Equal(expected, result.Verdict);
        Assert.Equal(expected == RuleVerdict.Passed ? EligibilityOutcome.Eligible : EligibilityOutcome.NotEligible, evaluation.Outcome);
    }

    [Fact]
    public void A_failed_age_limit_says_why_in_both_languages()
    {
        var evaluation = RuleEvaluator.Evaluate(Catalogue, Facts.For("group-home", "mental-disorder", "2008-06-16"), Facts.AssessmentDate);

        var result = Assert.Single(evaluation.Results, r => r.RuleId == "AGE.group-home");
        Assert.Equal("Vecums 17 g.; pakalpojums paredzēts no 18 gadiem", result.ReasonLv);
        Assert.Equal("Age 17; the service is for ages 18 and over", result.ReasonEn);
    }

    [Fact]
    public void An_upper_limit_is_explained_as_under_the_next_birthday()
    {
        var evaluation = RuleEvaluator.Evaluate(Catalogue, Facts.For("youth-home", "young-care-leavers", "2001-06-15"), Facts.AssessmentDate);

        var result = Assert.Single(evaluation.Results, r => r.RuleId == "AGE.youth-home");
        Assert.Equal("Vecums 25 g.; pakalpojums paredzēts personām, jaunākām par 25 gadiem", result.ReasonLv);
        Assert.Equal("Age 25; the service is for people under 25", result.ReasonEn);
    }

    [Fact]
    public void The_adult_limit_of_day_care_concerns_only_persons_with_mental_disorders()
    {
        var evaluation = RuleEvaluator.Evaluate(Catalogue, Facts.For("day-care-centre", "children-with-functional-impairment", "2016-01-01"), Facts.AssessmentDate);

        Assert.DoesNotContain(evaluation.Results, r => r.RuleId.StartsWith("AGE.", StringComparison.Ordinal));
        Assert.Equal(EligibilityOutcome.Eligible, evaluation.Outcome);
    }
}
