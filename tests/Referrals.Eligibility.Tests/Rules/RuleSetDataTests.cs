using System.Text;
using Referrals.Eligibility.Rules;
using Referrals.Eligibility.Rules.Criteria;
using Xunit;

namespace Referrals.Eligibility.Tests.Rules;

/// <summary>The rule set is a JSON document: the shipped one is valid, and a broken one is refused with its problems named.</summary>
public sealed class RuleSetDataTests
{
    private static RuleSet Read(string json) => RuleSetJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private const string ValidRule = """
        { "id": "X1", "titleLv": "x", "titleEn": "x", "strength": "Programme",
          "source": { "seed": "001_c9e22c24143df34b.txt", "lines": "2628" },
          "criterion": { "type": "ageRange", "maxYears": 24 } }
        """;

    [Fact]
    public void The_shipped_rule_set_loads_with_its_version_and_typed_criteria()
    {
        var ruleSet = RuleSetCatalogue.LoadEmbedded();

        Assert.Equal("1", ruleSet.Version);
        Assert.Empty(RuleSetValidator.Problems(ruleSet));
        Assert.IsType<DeclaredResidenceIn>(Assert.Single(ruleSet.Rules, r => r.Id == "R01").Criterion);
        var youth = Assert.IsType<AgeRange>(Assert.Single(ruleSet.Rules, r => r.Id == "AGE.youth-home").Criterion);
        Assert.Equal(24, youth.MaxYears);
        Assert.Contains(ruleSet.Rules, r => r.Criterion is ClientGroupIn);
        Assert.Contains(ruleSet.Rules, r => r.Criterion is RequiredDocuments);
    }

    [Fact]
    public void Every_shipped_rule_cites_its_source()
    {
        Assert.All(RuleSetCatalogue.LoadEmbedded().Rules, rule =>
            Assert.True(
                !string.IsNullOrWhiteSpace(rule.Source.LegalAct)
                || (rule.Source.Seed?.EndsWith(".txt", StringComparison.Ordinal) == true && rule.Source.Lines?.Any(char.IsAsciiDigit) == true),
                rule.Id));
    }

    [Fact]
    public void A_rule_set_survives_a_json_round_trip()
    {
        var original = RuleSetCatalogue.LoadEmbedded();
        var json = RuleSetJson.Write(original);

        var copy = Read(json);

        Assert.Equal(json, RuleSetJson.Write(copy));
        Assert.Equal(original.Rules.Select(r => r.Criterion), copy.Rules.Select(r => r.Criterion), CriterionComparer.Instance);
        Assert.Contains("\"type\": \"declaredResidenceIn\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_rule_set_from_elsewhere_is_accepted()
    {
        var ruleSet = Read($$"""{ "version": "test", "rules": [ {{ValidRule}} ] }""");

        Assert.Equal("X1", Assert.Single(ruleSet.Rules).Id);
    }

    [Theory]
    [InlineData("""{ "type": "shoeSize", "min": 40 }""", "criterion")]
    [InlineData("""{ "type": "ageRange", "minYear": 18 }""", "minYear")]
    [InlineData("""{ "type": "ageRange", "minYears": 18, "maxYears": 7 }""", "lower age bound")]
    [InlineData("""{ "type": "ageRange" }""", "at least one bound")]
    [InlineData("""{ "type": "clientGroupIn", "clientGroups": ["martians"] }""", "martians")]
    [InlineData("""{ "type": "requiredDocuments", "documents": ["passport-photo"] }""", "passport-photo")]
    [InlineData("""{ "type": "declaredResidenceIn", "exemptServiceTypes": ["spa"] }""", "spa")]
    public void A_broken_criterion_is_refused_naming_the_problem(string criterion, string expected)
    {
        var json = $$"""
            { "version": "test", "rules": [ { "id": "X1", "titleLv": "x", "titleEn": "x", "strength": "Programme",
              "source": { "legalAct": "test" }, "criterion": {{criterion}} } ] }
            """;

        var error = Assert.Throws<InvalidRuleSetException>(() => Read(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_unknown_service_types_and_missing_sources_are_all_reported()
    {
        var json = $$"""
            { "version": "test", "rules": [ {{ValidRule}}, {{ValidRule}},
              { "id": "X2", "titleLv": "x", "titleEn": "x", "strength": "Statutory", "serviceTypes": ["spa"],
                "source": { "seed": "004_37068a9cc46fe536.txt" }, "criterion": { "type": "ageRange", "minYears": 1 } } ] }
            """;

        var error = Assert.Throws<InvalidRuleSetException>(() => Read(json));

        Assert.Contains(error.Problems, p => p.Field == "rules[1].id" && p.Message.Contains("'X1' is used more than once", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Field == "rules[2].serviceTypes[0]" && p.Message == "unknown service type 'spa'");
        Assert.Contains(error.Problems, p => p.Field == "rules[2].source" && p.Message.StartsWith("the source needs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_without_a_criterion_is_refused()
    {
        var json = """
            { "version": "test", "rules": [ { "id": "X1", "titleLv": "x", "titleEn": "x", "strength": "Programme",
              "source": { "legalAct": "test" } } ] }
            """;

        Assert.Throws<InvalidRuleSetException>(() => Read(json));
    }

    private sealed class CriterionComparer : IEqualityComparer<Criterion>
    {
        public static readonly CriterionComparer Instance = new();

        public bool Equals(Criterion? x, Criterion? y) =>
            x?.GetType() == y?.GetType() && RuleSetJsonText(x) == RuleSetJsonText(y);

        public int GetHashCode(Criterion obj) => obj.GetType().GetHashCode();

        private static string RuleSetJsonText(Criterion? c) =>
            System.Text.Json.JsonSerializer.Serialize(c, RuleSetJson.Options);
    }
}
