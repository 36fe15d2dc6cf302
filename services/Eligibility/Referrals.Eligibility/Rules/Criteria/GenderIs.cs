namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>The service is for one gender only (e.g. a provider's women's crisis flat).</summary>
public sealed record GenderIs : FactCriterion
{
    public required string Gender { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var wanted = FactCodes.Words(FactCodes.Genders, [Gender]);
        if (facts.Gender is null)
        {
            return NotStated("klienta dzimums", "the client's gender");
        }

        var actual = FactCodes.Words(FactCodes.Genders, [facts.Gender]);
        return string.Equals(facts.Gender, Gender, StringComparison.Ordinal)
            ? CriterionCheck.Passed($"Dzimums ({actual.Lv}) atbilst", $"Gender ({actual.En}) fits")
            : CriterionCheck.Failed($"Dzimums: {actual.Lv}; pakalpojums paredzēts: {wanted.Lv}", $"Gender: {actual.En}; the service is for: {wanted.En}");
    }

    public override IEnumerable<RuleProblem> Problems()
    {
        if (!FactCodes.Genders.ContainsKey(Gender ?? ""))
        {
            yield return new("gender", "gender must be 'female' or 'male'");
        }
    }
}
