using System.Globalization;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// The client's age on the reference date (the assessment date) lies within the bounds, all inclusive, in completed
/// years or completed months. "Under 18" is <c>MaxYears = 17</c>; "to age 24" (not past 24) is <c>MaxYears = 24</c>.
/// </summary>
public sealed record AgeRange : Criterion
{
    public int? MinYears { get; init; }

    public int? MaxYears { get; init; }

    public int? MinMonths { get; init; }

    public int? MaxMonths { get; init; }

    private bool InMonths => MinMonths is not null || MaxMonths is not null;

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        if (facts.DateOfBirth > referenceDate)
        {
            return CriterionCheck.Failed(
                "Dzimšanas datums ir vēlāks par novērtējuma datumu",
                "The date of birth is after the assessment date");
        }

        var years = Age.CompletedYears(facts.DateOfBirth, referenceDate);
        var months = Age.CompletedMonths(facts.DateOfBirth, referenceDate);
        var fits = (MinYears is not { } minY || years >= minY)
            && (MaxYears is not { } maxY || years <= maxY)
            && (MinMonths is not { } minM || months >= minM)
            && (MaxMonths is not { } maxM || months <= maxM);
        var (ageLv, ageEn) = InMonths
            ? ($"{months} mēn.", $"{months} months")
            : ($"{years} g.", years.ToString(CultureInfo.InvariantCulture));
        return fits
            ? CriterionCheck.Passed($"Vecums {ageLv} atbilst: pakalpojums paredzēts {RangeLv()}", $"Age {ageEn} fits: the service is for {RangeEn()}")
            : CriterionCheck.Failed($"Vecums {ageLv}; pakalpojums paredzēts {RangeLv()}", $"Age {ageEn}; the service is for {RangeEn()}");
    }

    public override IEnumerable<RuleProblem> Problems()
    {
        if (MinYears is null && MaxYears is null && MinMonths is null && MaxMonths is null)
        {
            yield return new("", "an age range needs at least one bound");
        }

        foreach (var (name, bound) in new[] { ("minYears", MinYears), ("maxYears", MaxYears), ("minMonths", MinMonths), ("maxMonths", MaxMonths) })
        {
            if (bound is < 0 or > 150 * 12)
            {
                yield return new(name, "age bounds must lie between 0 and 1800");
            }
        }

        if (MinYears > MaxYears)
        {
            yield return new("minYears", "the lower age bound is above the upper one");
        }

        if (MinMonths > MaxMonths)
        {
            yield return new("minMonths", "the lower age bound is above the upper one");
        }
    }

    private (int Value, bool Months)? Lower => MinMonths is { } m ? (m, true) : MinYears is { } y ? (y, false) : null;

    private (int Value, bool Months)? Upper => MaxMonths is { } m ? (m, true) : MaxYears is { } y ? (y, false) : null;

    private string RangeLv() => (Lower, Upper) switch
    {
        ({ } lo, { } hi) when lo.Months == hi.Months => $"vecumā no {lo.Value} līdz {hi.Value} {UnitLv(hi.Months)}",
        ({ } lo, { } hi) => $"vecumā no {lo.Value} {UnitLv(lo.Months)} līdz {hi.Value} {UnitLv(hi.Months)}",
        ({ } lo, null) => $"no {lo.Value} {UnitLv(lo.Months)}",
        (null, { } hi) => $"personām, jaunākām par {hi.Value + 1} {UnitLv(hi.Months)}",
        _ => "jebkurā vecumā",
    };

    private string RangeEn() => (Lower, Upper) switch
    {
        ({ } lo, { } hi) when lo.Months == hi.Months => $"ages {lo.Value} to {hi.Value}{UnitEn(hi.Months)}",
        ({ } lo, { } hi) => $"ages {lo.Value}{UnitEn(lo.Months)} to {hi.Value}{UnitEn(hi.Months)}",
        ({ } lo, null) => $"ages {lo.Value}{UnitEn(lo.Months)} and over",
        (null, { } hi) => $"people under {hi.Value + 1}{UnitEn(hi.Months)}",
        _ => "any age",
    };

    private static string UnitLv(bool months) => months ? "mēnešiem" : "gadiem";

    private static string UnitEn(bool months) => months ? " months" : "";
}
