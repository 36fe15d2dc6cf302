using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.Rules.Criteria;
using Xunit;

namespace Referrals.Eligibility.Tests.Rules;

/// <summary>The new criteria on their own: prefixes, essential facts, composition, caps text, personal data in reasons.</summary>
public sealed class CriterionTests
{
    private static EligibilityFacts Child(string born = "2012-06-15") => Facts.For("social-work", "children-with-behavioural-problems", born);

    [Theory]
    [InlineData("F45", "F45.2", RuleVerdict.Passed)]
    [InlineData("F45", "F45", RuleVerdict.Passed)]
    [InlineData("F4", "F45.2", RuleVerdict.Failed)]      // not an ICD-10 prefix at all, see Problems
    [InlineData("F43.1", "F43.10", RuleVerdict.Passed)]
    [InlineData("F43.1", "F43.2", RuleVerdict.Failed)]
    [InlineData("F45", "F450", RuleVerdict.Failed)]
    public void Diagnosis_prefixes_match_whole_code_segments(string prefix, string code, RuleVerdict expected)
    {
        var check = new DiagnosisIn { Prefixes = [prefix] }.Check(Child() with { DiagnosisCodes = [code] }, Facts.AssessmentDate);

        Assert.Equal(expected, check.Verdict);
        Assert.DoesNotContain(code, check.ReasonEn.Replace(prefix, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unstated_fact_asks_for_it_only_when_essential()
    {
        var essential = new ReferredByIn { Referrers = ["doctor"] }.Check(Child(), Facts.AssessmentDate);
        var optional = new ReferredByIn { Referrers = ["doctor"], Essential = false }.Check(Child(), Facts.AssessmentDate);

        Assert.Equal(RuleVerdict.MissingInformation, essential.Verdict);
        Assert.StartsWith("Information needed: who refers", essential.ReasonEn, StringComparison.Ordinal);
        Assert.Equal(RuleVerdict.Warning, optional.Verdict);
    }

    [Fact]
    public void All_of_takes_the_worst_verdict_and_explains_only_what_did_not_pass()
    {
        var criterion = new AllOf
        {
            Criteria = [
                new AgeRange { MaxYears = 17 },
                new ConsentByAge { RepresentativeUnderYears = 18 },
                new SocialWorkerJudgement { ConditionLv = "x", ConditionEn = "motivated" },
            ],
        };

        var check = criterion.Check(Child(), Facts.AssessmentDate);

        Assert.Equal(RuleVerdict.MissingInformation, check.Verdict);
        Assert.Contains("consent", check.ReasonEn, StringComparison.Ordinal);
        Assert.Contains("motivated", check.ReasonEn, StringComparison.Ordinal);
        Assert.DoesNotContain("Age", check.ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Gender_is_checked_when_a_service_states_one()
    {
        var women = new GenderIs { Gender = "female" };

        Assert.Equal(RuleVerdict.Passed, women.Check(Child() with { Gender = "female" }, Facts.AssessmentDate).Verdict);
        Assert.Equal(RuleVerdict.Failed, women.Check(Child() with { Gender = "male" }, Facts.AssessmentDate).Verdict);
        Assert.Equal(RuleVerdict.MissingInformation, women.Check(Child(), Facts.AssessmentDate).Verdict);
        Assert.Single(new GenderIs { Gender = "other" }.Problems());
    }

    [Fact]
    public void Care_level_and_income_status_are_judged_against_their_sets()
    {
        var care = new CareLevelIn { Levels = ["III", "IV"] };
        var income = new IncomeStatusIn { Statuses = ["needy"] };

        Assert.Equal(RuleVerdict.Passed, care.Check(Child() with { CareLevel = "IV" }, Facts.AssessmentDate).Verdict);
        Assert.Equal(RuleVerdict.Failed, care.Check(Child() with { CareLevel = "I" }, Facts.AssessmentDate).Verdict);
        Assert.Equal(RuleVerdict.Failed, income.Check(Child() with { IncomeStatus = "low-income" }, Facts.AssessmentDate).Verdict);
        Assert.Equal("levels[0]", Assert.Single(new CareLevelIn { Levels = ["V"] }.Problems()).Field);
    }

    [Fact]
    public void A_local_programme_exempts_persons_in_crisis_from_its_residence_condition()
    {
        var tukums = new MunicipalityIn { Municipalities = ["LV-099"], ExemptClientGroups = ["persons-in-crisis"] };

        Assert.Equal(RuleVerdict.Failed, tukums.Check(Child(), Facts.AssessmentDate).Verdict);
        Assert.Equal(RuleVerdict.Passed, tukums.Check(Child() with { ClientGroup = "persons-in-crisis" }, Facts.AssessmentDate).Verdict);
        Assert.Equal(RuleVerdict.Passed, new MunicipalityIn { Municipalities = ["LV-DGV"], Of = MunicipalityRole.Referring }.Check(Child(), Facts.AssessmentDate).Verdict);
    }

    [Fact]
    public void Caps_read_as_limits_in_both_languages()
    {
        var caps = new ServiceCaps { Limits = [new Limit { Max = 60, Unit = CapUnit.Hours, Per = CapPeriod.Month }, new Limit { Min = 3, Max = 9, Unit = CapUnit.Months }] };

        var check = caps.Check(Child(), Facts.AssessmentDate);

        Assert.Equal(RuleVerdict.Passed, check.Verdict);
        Assert.Equal("Volume and duration: ≤ 60 h per month; 3–9 months", check.ReasonEn);
        Assert.Equal("Apjoms un ilgums: ≤ 60 h mēnesī; 3–9 mēneši", check.ReasonLv);
        Assert.Equal("limits[0].max", Assert.Single(new ServiceCaps { Limits = [new Limit { Max = 0, Unit = CapUnit.Days }] }.Problems()).Field);
    }
}
