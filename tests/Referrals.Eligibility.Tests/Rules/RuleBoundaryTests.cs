using System.Globalization;
using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Rules;
using Xunit;

namespace Referrals.Eligibility.Tests.Rules;

/// <summary>
/// One table for the whole catalogue: each row judges ONE rule of the shipped rule set against facts at its boundary
/// (the day a person turns 5, 12, 14, 18, 24 or 25; another municipality; a missing consent, referrer or document).
/// The assessment date is 15 June 2026, so "born 2012-06-15" turns 14 that day and "born 2012-06-16" is still 13.
/// Facts are written as "key=value;…": svc, group, muni (referring), declared, docs (+-joined), ref, consent (+-joined),
/// care, income, diag (+-joined), gender. Service type, client group and programme default to the rule's own.
/// </summary>
public sealed class RuleBoundaryTests
{
    private static readonly RuleSet Catalogue = RuleSetCatalogue.LoadEmbedded();

    private const RuleVerdict P = RuleVerdict.Passed;
    private const RuleVerdict F = RuleVerdict.Failed;
    private const RuleVerdict M = RuleVerdict.MissingInformation;
    private const RuleVerdict W = RuleVerdict.Warning;

    public static TheoryData<string, string, string, RuleVerdict> Rows => new()
    {
        // MK 138 general rules
        { "R01", "1980-01-01", "", P },
        { "R01", "1980-01-01", "declared=LV-RIX", F },                       // residence in another municipality
        { "R01", "1980-01-01", "declared=LV-RIX;svc=crisis-centre", P },     // crisis service exemption
        { "R01", "1980-01-01", "declared=LV-RIX;group=persons-in-crisis", P }, // person in crisis exemption
        { "R02", "1980-01-01", "", P },
        { "R02", "1980-01-01", "docs=application", M },                      // a missing document
        { "R02.mental-disorder", "1980-01-01", "docs=application+id-document+gp-certificate", M },
        { "R02.mental-disorder", "1980-01-01", "", P },
        { "R02.long-term-care", "1940-01-01", "docs=application", M },
        { "R02.long-term-care", "1940-01-01", "", P },
        { "R03", "1980-01-01", "", P },
        { "R04", "1940-01-01", "docs=application+gp-certificate", M },
        { "R04", "1940-01-01", "", P },

        // children's services R05–R45
        { "R05", "2019-06-15", "", P },  // turns 7 today
        { "R05", "2019-06-16", "", F },  // 6, turns 7 tomorrow
        { "R05", "2007-06-16", "", P },  // 18, turns 19 tomorrow
        { "R05", "2007-06-15", "", F },  // turns 19 today
        { "R06", "2021-06-15", "declared=LV-067", W },   // turns 5; social-risk family for the social worker to confirm
        { "R06", "2021-06-16", "declared=LV-067", F },
        { "R06", "2015-01-01", "declared=LV-DGV", F },   // not Ogre
        { "R07", "2012-01-01", "", W },
        { "R07.duration", "2012-01-01", "", P },
        { "R08", "2014-06-15", "declared=LV-062", P },   // turns 12
        { "R08", "2014-06-16", "declared=LV-062", F },
        { "R08", "2001-06-16", "declared=LV-062", P },   // 24, turns 25 tomorrow
        { "R08", "2001-06-15", "declared=LV-062", F },   // turns 25 today
        { "R08", "2005-01-01", "declared=LV-RIX", F },
        { "R09", "2001-06-16", "group=children-without-parental-care", P },  // orphan up to 24
        { "R09", "2001-06-15", "group=children-without-parental-care", F },  // turns 25
        { "R09", "2010-01-01", "group=elderly", F },
        { "R09", "2010-01-01", "group=families-with-children;declared=LV-REZ", F },
        { "R10", "2008-06-16", "diag=F12.2", P },        // 17
        { "R10", "2008-06-15", "diag=F12.2", F },        // turns 18
        { "R10", "2012-01-01", "diag=F43.1", F },
        { "R10", "2012-01-01", "", M },                  // diagnosis not stated
        { "R11", "2010-01-01", "ref=social-service", W },
        { "R11", "2010-01-01", "ref=doctor", F },
        { "R11", "2010-01-01", "", M },
        { "R12", "1990-01-01", "ref=self", W },
        { "R12", "1990-01-01", "ref=probation-or-court", F },
        { "R13", "2015-01-01", "group=victims-of-violence;declared=LV-080", W },
        { "R13", "2015-01-01", "group=victims-of-violence;declared=LV-DGV", F },
        { "R13", "2015-01-01", "group=elderly;declared=LV-091", F },
        { "R14", "2021-06-15", "", W },                  // turns 5
        { "R14", "2012-06-15", "", F },                  // turns 14
        { "R15", "2019-06-15", "consent=legal-representative", P }, // turns 7
        { "R15", "2014-06-15", "consent=legal-representative", F }, // turns 12
        { "R15", "2017-01-01", "consent=", M },                      // missing consent
        { "R16", "2016-06-15", "", W },                  // turns 10
        { "R16", "2013-06-15", "", F },                  // turns 13
        { "R17", "2013-06-15", "declared=LV-099", W },   // turns 13
        { "R17", "2008-06-15", "declared=LV-099", F },   // turns 18
        { "R17", "2010-01-01", "declared=LV-RIX", F },   // another municipality
        { "R18", "2012-01-01", "", W },
        { "R18.age", "2008-06-16", "", P },              // 17
        { "R18.age", "2008-06-15", "", F },              // turns 18
        { "R18.group", "2012-01-01", "", P },
        { "R18.group", "2012-01-01", "group=elderly", F },
        { "R19", "2012-01-01", "", W },
        { "R20", "2012-01-01", "declared=LV-RIX", W },
        { "R20", "2012-01-01", "declared=LV-DGV", F },
        { "R21", "2010-01-01", "declared=LV-RIX", W },
        { "R21", "2010-01-01", "declared=LV-JEL", F },
        { "R22", "2012-01-01", "", P },
        { "R22.age", "2008-06-16", "", P },
        { "R22.age", "2008-06-15", "", F },
        { "R22.group", "2012-01-01", "", P },
        { "R22.group", "2012-01-01", "group=homeless", F },
        { "R23", "2012-01-01", "", P },
        { "R24", "2012-01-01", "", P },
        { "R25", "2008-06-15", "", P },                  // turns 18
        { "R25", "2008-06-16", "", F },
        { "R26", "2008-06-15", "", W },
        { "R26", "2008-06-16", "", F },
        { "R27", "1980-01-01", "", P },
        { "R28", "2014-01-01", "income=low-income", P },
        { "R28", "2014-01-01", "income=none", W },       // descriptive: never fails
        { "R28", "2014-01-01", "", W },
        { "R29", "2008-06-15", "", W },                  // turns 18: descriptive warning
        { "R29", "2008-06-16", "", P },
        { "R30", "2014-01-01", "consent=legal-representative;income=needy", P },
        { "R30", "2014-01-01", "consent=legal-representative", W },  // income unknown: not essential
        { "R30", "2014-01-01", "consent=person;income=needy", M },   // parent's questionnaire missing
        { "R31", "2016-06-15", "consent=legal-representative", P },  // turns 10
        { "R31", "2016-06-16", "consent=legal-representative", F },
        { "R31", "2008-06-16", "consent=person", M },                // 17: parental consent needed
        { "R31", "2008-06-15", "consent=person", P },                // turns 18: own decision
        { "R31", "2004-06-16", "consent=person", P },                // 21, turns 22 tomorrow
        { "R31", "2004-06-15", "consent=person", F },                // turns 22
        { "R32", "2012-01-01", "ref=doctor;consent=legal-representative", P },
        { "R32", "2012-01-01", "ref=self;consent=legal-representative", F },
        { "R32", "2012-01-01", "ref=doctor", M },
        { "R33", "2012-01-01", "ref=self", P },
        { "R33", "2012-01-01", "", W },
        { "R34", "2001-06-16", "consent=person", W },    // 24: autism route up to 25
        { "R34", "2000-06-15", "consent=person", F },    // turns 26
        { "R34", "2009-01-01", "consent=", M },
        { "R35", "2012-06-16", "ref=doctor;consent=legal-representative", P },  // 13: parent only
        { "R35", "2012-06-15", "ref=doctor;consent=legal-representative", M },  // turns 14: own consent now needed too
        { "R35", "2012-06-15", "ref=doctor;consent=legal-representative+person", P },
        { "R35", "2014-06-15", "ref=doctor;consent=legal-representative", P },  // turns 12
        { "R35", "2014-06-16", "ref=doctor;consent=legal-representative", F },  // 11
        { "R35", "2007-06-15", "ref=doctor;consent=person", F },                // turns 19
        { "R35", "2008-06-15", "ref=doctor;consent=person", P },                // turns 18: own consent suffices
        { "R35", "2010-01-01", "ref=social-service;consent=legal-representative+person", F },
        { "R36", "2020-06-16", "ref=doctor", W },        // 5
        { "R36", "2020-06-15", "ref=doctor", F },        // turns 6
        { "R36", "2023-01-01", "", M },                  // referral not stated
        { "R37", "2008-06-16", "ref=doctor", P },
        { "R37", "2008-06-15", "ref=doctor", F },
        { "R38", "2014-06-15", "", P },
        { "R38", "2014-06-16", "", F },
        { "R38", "2007-06-15", "", F },
        { "R39", "2010-01-01", "diag=F43.1;ref=doctor", P },
        { "R39", "2010-01-01", "diag=F45.2;ref=doctor", P },   // prefix F45
        { "R39", "2010-01-01", "diag=F20.0;ref=doctor", F },
        { "R39", "2010-01-01", "ref=doctor", M },
        { "R39", "2008-06-15", "diag=F43.1;ref=doctor", F },   // turns 18
        { "R40", "2010-06-15", "ref=probation-or-court", P },  // turns 16
        { "R40", "2010-06-16", "ref=probation-or-court", F },
        { "R40", "1990-01-01", "ref=social-service", F },
        { "R41", "2011-06-15", "consent=person+legal-representative", P }, // turns 15
        { "R41", "2011-06-16", "consent=legal-representative", F },        // 14
        { "R41", "2011-06-15", "consent=person", M },                      // 15: parent's acknowledgement needed
        { "R41", "2005-06-16", "consent=person", P },                      // 20
        { "R41", "2005-06-15", "consent=person", F },                      // turns 21
        { "R42", "2015-06-15", "ref=probation-or-court", P },  // turns 11
        { "R42", "2015-06-16", "ref=probation-or-court", F },
        { "R42", "2008-06-15", "ref=probation-or-court", F },  // turns 18
        { "R43", "2013-06-15", "consent=person+legal-representative", P }, // turns 13
        { "R43", "2013-06-15", "consent=person", M },
        { "R43", "2008-06-15", "consent=person", P },                      // turns 18: alone
        { "R43", "2016-01-01", "consent=legal-representative", P },        // under 13: representative
        { "R44", "2026-03-15", "consent=legal-representative", P },        // 3 months today
        { "R44", "2026-03-16", "consent=legal-representative", F },
        { "R44", "2023-06-15", "consent=legal-representative", P },        // 36 months today
        { "R44", "2023-06-14", "consent=legal-representative", P },        // 36 months and a day: still 36 completed
        { "R44", "2023-05-15", "consent=legal-representative", F },        // 37 months today
        { "R45", "2015-06-15", "", W },
        { "R45", "2009-06-15", "", F },                  // turns 17

        // DI plan limits
        { "AGE.youth-home", "2001-06-16", "group=young-care-leavers", P },
        { "AGE.youth-home", "2001-06-15", "group=young-care-leavers", F },
        { "AGE.correction-care-home", "2015-06-15", "", P },
        { "AGE.correction-care-home", "2015-06-16", "", F },
        { "AGE.family-like-care-home", "2008-06-16", "", P },
        { "AGE.family-like-care-home", "2008-06-15", "", F },
        { "AGE.foster-care", "2008-06-16", "", P },
        { "AGE.foster-care", "2008-06-15", "", F },
        { "AGE.group-home", "2008-06-15", "", P },
        { "AGE.group-home", "2008-06-16", "", F },
        { "AGE.halfway-house", "2008-06-15", "", P },
        { "AGE.halfway-house", "2008-06-16", "", F },
        { "AGE.day-care-centre.mental-disorder", "2008-06-15", "", P },
        { "AGE.day-care-centre.mental-disorder", "2008-06-16", "", F },
        { "GROUP.group-home", "1980-01-01", "group=mental-disorder", P },
        { "GROUP.group-home", "1980-01-01", "group=elderly", F },
        { "GROUP.halfway-house", "1980-01-01", "group=elderly", F },
        { "GROUP.halfway-house", "1980-01-01", "group=mental-disorder", P },
        { "GROUP.correction-care-home", "2012-01-01", "group=children-with-behavioural-problems", P },
        { "GROUP.family-like-care-home", "2012-01-01", "group=families-with-children", F },
        { "GROUP.family-like-care-home", "2012-01-01", "group=children-without-parental-care", P },
        { "GROUP.foster-care", "2012-01-01", "group=children-without-parental-care", P },
        { "GROUP.youth-home", "2004-01-01", "group=young-care-leavers", P },
        { "GROUP.long-term-care", "1940-01-01", "group=homeless", W },
        { "GROUP.sheltered-workshop", "1980-01-01", "group=homeless", W },
        { "GROUP.respite", "1980-01-01", "group=mental-disorder", P },
        { "CARE.respite", "1980-01-01", "care=III", P },
        { "CARE.respite", "1980-01-01", "care=II", F },
        { "CARE.respite", "1980-01-01", "", W },         // not essential
        { "CARE.home-care", "1940-01-01", "care=I", W }, // descriptive
        { "CAP.home-care", "1940-01-01", "", P },
        { "CAP.respite", "1980-01-01", "", P },
        { "CAP.social-mentor", "1980-01-01", "", P },
        { "CAP.family-like-care-home", "2012-01-01", "", P },
        { "CAP.correction-care-home", "2012-01-01", "", P },
        { "CAP.foster-care", "2012-01-01", "", P },
        { "CAP.institution-child", "2012-01-01", "", P },
        { "CAP.short-term-care", "1950-01-01", "", P },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_rule_is_judged_at_its_boundary(string ruleId, string dateOfBirth, string facts, RuleVerdict expected)
    {
        var result = Judge(ruleId, dateOfBirth, facts);

        Assert.Equal(expected, result.Verdict);
        Assert.False(string.IsNullOrWhiteSpace(result.ReasonLv));
        Assert.False(string.IsNullOrWhiteSpace(result.ReasonEn));
    }

    [Fact]
    public void Every_rule_of_the_catalogue_has_a_row()
    {
        var covered = Rows.Select(row => (string)row.Data.Item1).ToHashSet(StringComparer.Ordinal);

        var uncovered = Catalogue.Rules.Select(r => r.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.True(uncovered.Count == 0, "No boundary rows for: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Every_blocking_rule_has_a_row_where_it_holds_and_one_where_it_does_not()
    {
        var rows = Rows.Select(row => (Id: row.Data.Item1, Verdict: row.Data.Item4)).ToList();
        var judgedOnFacts = Catalogue.Rules
            .Where(r => r.Strength != RuleStrength.Descriptive && rows.Any(x => x.Id == r.Id && x.Verdict is RuleVerdict.Failed or RuleVerdict.MissingInformation))
            .Select(r => r.Id)
            .ToList();

        var oneSided = judgedOnFacts.Where(id => !rows.Any(x => x.Id == id && x.Verdict is RuleVerdict.Passed or RuleVerdict.Warning)).ToList();
        Assert.True(oneSided.Count == 0, "Only failing rows for: " + string.Join(", ", oneSided));
    }

    [Fact]
    public void Caps_travel_with_the_decision_in_both_languages()
    {
        var r22 = Judge("R22", "2012-01-01", "");

        Assert.Contains("≤ 20 sessions", r22.ReasonEn, StringComparison.Ordinal);
        Assert.Contains("≤ 45 min per session", r22.ReasonEn, StringComparison.Ordinal);
        Assert.Contains("≤ 20 konsultācijas", r22.ReasonLv, StringComparison.Ordinal);
        Assert.Contains("≤ 12 months", Judge("R07.duration", "2012-01-01", "").ReasonEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_consent_names_whose_consent_is_needed()
    {
        var result = Judge("R35", "2012-06-15", "ref=doctor;consent=legal-representative");

        Assert.Contains("the person's own consent", result.ReasonEn, StringComparison.Ordinal);
        Assert.Contains("pašas personas piekrišana", result.ReasonLv, StringComparison.Ordinal);
    }

    /// <summary>Evaluates the one rule with the catalogue's evaluator (so descriptive rules turn into warnings).</summary>
    internal static RuleResult Judge(string ruleId, string dateOfBirth, string facts)
    {
        var rule = Assert.Single(Catalogue.Rules, r => r.Id == ruleId);
        var values = facts.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        string? Value(string key) => values.TryGetValue(key, out var v) ? v : null;
        List<string>? List(string key) => Value(key) is { } v ? v.Split('+', StringSplitOptions.RemoveEmptyEntries).ToList() : null;

        var municipality = Value("muni") ?? "LV-DGV";
        var eligibilityFacts = new EligibilityFacts(
            Value("svc") ?? (rule.ServiceTypes.Count > 0 ? rule.ServiceTypes[0] : "social-work"),
            Value("group") ?? (rule.ClientGroups.Count > 0 ? rule.ClientGroups[0] : DefaultGroup(rule)),
            DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture),
            municipality,
            Value("declared") ?? municipality,
            List("docs") ?? Facts.AllDocuments)
        {
            Gender = Value("gender"),
            ReferredBy = Value("ref"),
            ConsentGivenBy = List("consent"),
            CareLevel = Value("care"),
            IncomeStatus = Value("income"),
            DiagnosisCodes = List("diag"),
            Programme = rule.Programmes.Count > 0 ? rule.Programmes[0] : null,
        };

        var evaluation = RuleEvaluator.Evaluate(Catalogue with { Rules = [rule] }, eligibilityFacts, Facts.AssessmentDate);
        return Assert.Single(evaluation.Results);
    }

    /// <summary>A client group the rule's own target-group criterion accepts, so rows test the other conditions.</summary>
    private static string DefaultGroup(EligibilityRule rule) =>
        Catalogue.Rules.FirstOrDefault(r => r.Criterion is Referrals.Eligibility.Rules.Criteria.ClientGroupIn && r.ServiceTypes.SequenceEqual(rule.ServiceTypes) && r.ServiceTypes.Count > 0)?.Criterion
            is Referrals.Eligibility.Rules.Criteria.ClientGroupIn groups ? groups.ClientGroups[0]
        : rule.Criterion is Referrals.Eligibility.Rules.Criteria.AllOf all && all.Criteria.OfType<Referrals.Eligibility.Rules.Criteria.ClientGroupIn>().FirstOrDefault() is { } inner ? inner.ClientGroups[0]
        : "families-with-children";
}
