namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>The service is reached only through certain referrers (a doctor's e-referral, the probation service…).</summary>
public sealed record ReferredByIn : FactCriterion
{
    public required IReadOnlyList<string> Referrers { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var wanted = FactCodes.Words(FactCodes.Referrers, Referrers);
        if (facts.ReferredBy is null)
        {
            return NotStated($"kas nosūta (pieņem: {wanted.Lv})", $"who refers (accepted: {wanted.En})");
        }

        var actual = FactCodes.Words(FactCodes.Referrers, [facts.ReferredBy]);
        return Referrers.Contains(facts.ReferredBy, StringComparer.Ordinal)
            ? CriterionCheck.Passed($"Nosūtītājs ({actual.Lv}) atbilst", $"Referrer ({actual.En}) is accepted")
            : CriterionCheck.Failed($"Nosūtītājs: {actual.Lv}; pakalpojumam nepieciešams: {wanted.Lv}", $"Referrer: {actual.En}; the service needs: {wanted.En}");
    }

    public override IEnumerable<RuleProblem> Problems() =>
        Names.CodeProblems("referrers", Referrers, FactCodes.Referrers.ContainsKey, "referrer");
}
