namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>The client's assessed care level (I–IV, di-plan-001 §3) is one the service is for.</summary>
public sealed record CareLevelIn : FactCriterion
{
    public required IReadOnlyList<string> Levels { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var wanted = FactCodes.Words(FactCodes.CareLevels, Levels);
        if (facts.CareLevel is null)
        {
            return NotStated($"aprūpes līmenis (pakalpojums: {wanted.Lv})", $"the care level (the service is for {wanted.En})");
        }

        var actual = FactCodes.Words(FactCodes.CareLevels, [facts.CareLevel]);
        return Levels.Contains(facts.CareLevel, StringComparer.Ordinal)
            ? CriterionCheck.Passed($"{actual.Lv} atbilst", $"{actual.En} fits")
            : CriterionCheck.Failed($"{actual.Lv}; pakalpojums paredzēts: {wanted.Lv}", $"{actual.En}; the service is for: {wanted.En}");
    }

    public override IEnumerable<RuleProblem> Problems() =>
        Names.CodeProblems("levels", Levels, FactCodes.CareLevels.ContainsKey, "care level");
}
