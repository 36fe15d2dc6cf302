using Referrals.Reference;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>The client belongs to one of the service's target groups.</summary>
public sealed record ClientGroupIn : Criterion
{
    public required IReadOnlyList<string> ClientGroups { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var group = Names.Of(Reference.ClientGroups.All, facts.ClientGroup);
        var intended = Names.List(Reference.ClientGroups.All, ClientGroups);
        return ClientGroups.Contains(facts.ClientGroup, StringComparer.Ordinal)
            ? CriterionCheck.Passed(
                $"Klienta grupa ({group.Lv}) atbilst pakalpojuma mērķa grupai",
                $"Client group ({group.En}) is a target group of the service")
            : CriterionCheck.Failed(
                $"Klienta grupa: {group.Lv}; pakalpojums paredzēts: {intended.Lv}",
                $"Client group: {group.En}; the service is for: {intended.En}");
    }

    public override IEnumerable<RuleProblem> Problems() =>
        Names.CodeProblems("clientGroups", ClientGroups, c => Names.IsIn(Reference.ClientGroups.All, c), "client group");
}
