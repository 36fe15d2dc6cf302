using Referrals.Reference;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>Documents that must accompany the referral; a missing one asks for information rather than refusing.</summary>
public sealed record RequiredDocuments : Criterion
{
    public required IReadOnlyList<string> Documents { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var missing = Documents.Where(d => !facts.Documents.Contains(d, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            var names = Names.List(Reference.Documents.All, missing);
            return CriterionCheck.Missing($"Trūkst dokumentu: {names.Lv}", $"Missing documents: {names.En}");
        }

        var present = Names.List(Reference.Documents.All, Documents);
        return CriterionCheck.Passed($"Dokumenti iesniegti: {present.Lv}", $"Documents provided: {present.En}");
    }

    public override IEnumerable<RuleProblem> Problems() =>
        Names.CodeProblems("documents", Documents, c => Names.IsIn(Reference.Documents.All, c), "document");
}
