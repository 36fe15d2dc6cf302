using Referrals.Contracts.Eligibility;
using Referrals.Eligibility.Rules;
using Xunit;

namespace Referrals.Eligibility.Tests.Rules;

public sealed class ResidenceAndDocumentTests
{
    private static readonly RuleSet Catalogue = RuleSetCatalogue.LoadEmbedded();

    private static EligibilityEvaluation Evaluate(EligibilityFacts facts) => RuleEvaluator.Evaluate(Catalogue, facts, Facts.AssessmentDate);

    [Fact]
    public void Residence_in_the_referring_municipality_passes()
    {
        var evaluation = Evaluate(Facts.For("day-care-centre", "elderly"));

        Assert.Equal(RuleVerdict.Passed, Assert.Single(evaluation.Results, r => r.RuleId == "R01").Verdict);
        Assert.Equal(EligibilityOutcome.Eligible, evaluation.Outcome);
    }

    [Fact]
    public void Residence_declared_elsewhere_makes_the_referral_not_eligible()
    {
        var evaluation = Evaluate(Facts.For("day-care-centre", "elderly", municipality: "LV-DGV", declaredMunicipality: "LV-077"));

        var r01 = Assert.Single(evaluation.Results, r => r.RuleId == "R01");
        Assert.Equal(RuleVerdict.Failed, r01.Verdict);
        Assert.Contains("Rēzeknes novads", r01.ReasonLv, StringComparison.Ordinal);
        Assert.Contains("Daugavpils", r01.ReasonEn, StringComparison.Ordinal);
        Assert.Equal(EligibilityOutcome.NotEligible, evaluation.Outcome);
    }

    [Theory]
    [InlineData("crisis-centre", "persons-in-crisis")]
    [InlineData("shelter", "homeless")]
    public void A_crisis_service_is_exempt_from_the_residence_rule(string serviceType, string clientGroup)
    {
        var evaluation = Evaluate(Facts.For(serviceType, clientGroup, municipality: "LV-DGV", declaredMunicipality: "LV-RIX"));

        var r01 = Assert.Single(evaluation.Results, r => r.RuleId == "R01");
        Assert.Equal(RuleVerdict.Passed, r01.Verdict);
        Assert.Contains("crisis service", r01.ReasonEn, StringComparison.Ordinal);
        Assert.Equal(EligibilityOutcome.Eligible, evaluation.Outcome);
    }

    [Fact]
    public void A_missing_document_asks_for_information_naming_it()
    {
        var evaluation = Evaluate(Facts.For("group-home", "mental-disorder", documents: ["application", "id-document", "gp-certificate"]));

        var r03 = Assert.Single(evaluation.Results, r => r.RuleId == "R02.mental-disorder");
        Assert.Equal(RuleVerdict.MissingInformation, r03.Verdict);
        Assert.Equal("Trūkst dokumentu: Psihiatra atzinums", r03.ReasonLv);
        Assert.Equal("Missing documents: Psychiatrist's opinion", r03.ReasonEn);
        Assert.Equal(EligibilityOutcome.NeedsInformation, evaluation.Outcome);
    }

    [Fact]
    public void Application_and_identity_document_are_always_required()
    {
        var evaluation = Evaluate(Facts.For("home-care", "elderly", documents: []));

        var r02 = Assert.Single(evaluation.Results, r => r.RuleId == "R02");
        Assert.Equal(RuleVerdict.MissingInformation, r02.Verdict);
        Assert.Equal("Missing documents: Application, Identity document", r02.ReasonEn);
        Assert.Equal(EligibilityOutcome.NeedsInformation, evaluation.Outcome);
    }

    [Fact]
    public void Long_term_care_needs_gp_certificate_and_income_documents()
    {
        var evaluation = Evaluate(Facts.For("long-term-care", "elderly", documents: ["application", "id-document"]));

        var r02 = Assert.Single(evaluation.Results, r => r.RuleId == "R02.long-term-care");
        Assert.Equal("Missing documents: GP certificate", r02.ReasonEn);
        var r04 = Assert.Single(evaluation.Results, r => r.RuleId == "R04");
        Assert.Equal("Missing documents: Income documents", r04.ReasonEn);
        Assert.Equal(EligibilityOutcome.NeedsInformation, evaluation.Outcome);
    }

    [Fact]
    public void The_psychiatrist_opinion_is_not_asked_of_clients_without_a_mental_disorder()
    {
        var evaluation = Evaluate(Facts.For("day-care-centre", "elderly", documents: ["application", "id-document"]));

        Assert.DoesNotContain(evaluation.Results, r => r.RuleId == "R02.mental-disorder");
        Assert.Equal(EligibilityOutcome.Eligible, evaluation.Outcome);
    }

    [Fact]
    public void A_failed_rule_outweighs_missing_documents()
    {
        var evaluation = Evaluate(Facts.For("group-home", "mental-disorder", "2010-01-01", documents: ["application"]));

        Assert.Contains(evaluation.Results, r => r.Verdict == RuleVerdict.MissingInformation);
        Assert.Equal(EligibilityOutcome.NotEligible, evaluation.Outcome);
    }

    [Fact]
    public void A_client_outside_the_target_group_of_a_programme_is_not_eligible()
    {
        var evaluation = Evaluate(Facts.For("group-home", "elderly"));

        var group = Assert.Single(evaluation.Results, r => r.RuleId == "GROUP.group-home");
        Assert.Equal(RuleVerdict.Failed, group.Verdict);
        Assert.Equal("Client group: Elderly people; the service is for: People with mental disorders", group.ReasonEn);
        Assert.Equal(EligibilityOutcome.NotEligible, evaluation.Outcome);
    }

    [Fact]
    public void Rules_of_other_service_types_are_not_reported()
    {
        var evaluation = Evaluate(Facts.For("home-care", "elderly"));

        Assert.Equal(new[] { "CAP.home-care", "CARE.home-care", "R01", "R02", "R03" }, evaluation.Results.Select(r => r.RuleId).ToList());
    }
}
