namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// At least one ICD-10 diagnosis of the client starts with one of the prefixes: <c>F45</c> covers F45.0–F45.9,
/// <c>F43.1</c> only itself and its subcodes. Ranges such as F90–F98 are listed prefix by prefix.
/// </summary>
public sealed record DiagnosisIn : FactCriterion
{
    public required IReadOnlyList<string> Prefixes { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var wanted = string.Join(", ", Prefixes);
        if (facts.DiagnosisCodes is not { Count: > 0 } codes)
        {
            return NotStated($"SSK-10 diagnoze (pakalpojums: {wanted})", $"an ICD-10 diagnosis (the service is for {wanted})");
        }

        // The reason never names the client's diagnosis: it travels in EligibilityAssessed to services that keep no health data.
        return codes.Any(c => Prefixes.Any(p => Matches(c, p)))
            ? CriterionCheck.Passed($"Diagnoze ir pakalpojuma sarakstā ({wanted})", $"A diagnosis is on the service's list ({wanted})")
            : CriterionCheck.Failed($"Neviena diagnoze nav sarakstā: {wanted}", $"No diagnosis is on the list: {wanted}");
    }

    public override IEnumerable<RuleProblem> Problems() =>
        Names.CodeProblems("prefixes", Prefixes, FactCodes.IsIcd10, "ICD-10 prefix");

    private static bool Matches(string code, string prefix) =>
        code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (code.Length == prefix.Length || prefix.Contains('.', StringComparison.Ordinal) || code[prefix.Length] == '.');
}
