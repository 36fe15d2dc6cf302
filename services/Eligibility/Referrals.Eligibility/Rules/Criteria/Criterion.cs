using System.Text.Json.Serialization;
using Referrals.Contracts.Eligibility;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// The closed set of checks a rule can make. A rule set is a JSON document; the <c>type</c> discriminator picks the
/// criterion, so the catalogue grows by adding rules, and only a genuinely new kind of check needs code.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(AgeRange), "ageRange")]
[JsonDerivedType(typeof(DeclaredResidenceIn), "declaredResidenceIn")]
[JsonDerivedType(typeof(ClientGroupIn), "clientGroupIn")]
[JsonDerivedType(typeof(RequiredDocuments), "requiredDocuments")]
[JsonDerivedType(typeof(GenderIs), "gender")]
[JsonDerivedType(typeof(ReferredByIn), "referredByIn")]
[JsonDerivedType(typeof(ConsentByAge), "consentByAge")]
[JsonDerivedType(typeof(CareLevelIn), "careLevelIn")]
[JsonDerivedType(typeof(IncomeStatusIn), "incomeStatusIn")]
[JsonDerivedType(typeof(DiagnosisIn), "diagnosisIn")]
[JsonDerivedType(typeof(MunicipalityIn), "municipalityIn")]
[JsonDerivedType(typeof(ServiceCaps), "caps")]
[JsonDerivedType(typeof(SocialWorkerJudgement), "socialWorkerJudgement")]
[JsonDerivedType(typeof(AllOf), "allOf")]
public abstract record Criterion
{
    /// <summary>Judges the facts. Returns Passed, Failed or MissingInformation; the rule's strength decides what that means.</summary>
    public abstract CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate);

    /// <summary>
    /// What is wrong with the criterion's own data (unknown codes, impossible bounds), each keyed by the JSON field
    /// relative to the criterion (<c>minYears</c>, <c>documents[1]</c>; empty = the criterion itself); none when valid.
    /// </summary>
    public abstract IEnumerable<RuleProblem> Problems();
}

/// <summary>A criterion's verdict with a reason a social worker understands, in Latvian and English.</summary>
public readonly record struct CriterionCheck(RuleVerdict Verdict, string ReasonLv, string ReasonEn)
{
    public static CriterionCheck Passed(string lv, string en) => new(RuleVerdict.Passed, lv, en);

    public static CriterionCheck Failed(string lv, string en) => new(RuleVerdict.Failed, lv, en);

    public static CriterionCheck Missing(string lv, string en) => new(RuleVerdict.MissingInformation, lv, en);

    public static CriterionCheck Warning(string lv, string en) => new(RuleVerdict.Warning, lv, en);
}

/// <summary>One defect of a rule document, keyed by its JSON path (<c>rules[3].criterion.minYears</c>).</summary>
public readonly record struct RuleProblem(string Field, string Message)
{
    public RuleProblem Under(string prefix) => new(Field.Length == 0 ? prefix : $"{prefix}.{Field}", Message);
}
