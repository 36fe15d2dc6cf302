namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>The household's means-tested status (trūcīga / maznodrošināta) is one of the listed ones.</summary>
public sealed record IncomeStatusIn : FactCriterion
{
    public required IReadOnlyList<string> Statuses { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var wanted = FactCodes.Words(FactCodes.IncomeStatuses, Statuses);
        if (facts.IncomeStatus is null)
        {
            return NotStated($"ienākumu statuss ({wanted.Lv})", $"the income status ({wanted.En})");
        }

        // The reason does not name the household's own status: it travels to services that need only the verdict.
        return Statuses.Contains(facts.IncomeStatus, StringComparer.Ordinal)
            ? CriterionCheck.Passed($"Ienākumu statuss atbilst ({wanted.Lv})", $"The income status fits ({wanted.En})")
            : CriterionCheck.Failed($"Ienākumu statuss neatbilst; nepieciešams: {wanted.Lv}", $"The income status does not fit; needed: {wanted.En}");
    }

    public override IEnumerable<RuleProblem> Problems() =>
        Names.CodeProblems("statuses", Statuses, FactCodes.IncomeStatuses.ContainsKey, "income status");
}
