using System.Globalization;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// Volume, duration and group-size caps of a service ("≤ 20 sessions × 45 min", "≤ 12 months, extendable"). They do not
/// decide eligibility; they always pass and travel with the decision so the referral and the provider see the limits.
/// </summary>
public sealed record ServiceCaps : Criterion
{
    public required IReadOnlyList<Limit> Limits { get; init; }

    /// <summary>How the caps may be extended, in the source's words.</summary>
    public string? NoteLv { get; init; }

    public string? NoteEn { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var lv = string.Join("; ", Limits.Select(l => l.TextLv()));
        var en = string.Join("; ", Limits.Select(l => l.TextEn()));
        return CriterionCheck.Passed(
            $"Apjoms un ilgums: {lv}{(NoteLv is null ? "" : $" ({NoteLv})")}",
            $"Volume and duration: {en}{(NoteEn is null ? "" : $" ({NoteEn})")}");
    }

    public override IEnumerable<RuleProblem> Problems()
    {
        if (Limits is null || Limits.Count == 0)
        {
            yield return new("limits", "at least one limit is required");
            yield break;
        }

        for (var i = 0; i < Limits.Count; i++)
        {
            if (Limits[i].Max <= 0)
            {
                yield return new($"limits[{i}].max", "a cap must be positive");
            }

            if (Limits[i].Min is { } min && (min < 0 || min > Limits[i].Max))
            {
                yield return new($"limits[{i}].min", "the minimum must lie between 0 and the maximum");
            }
        }
    }
}

/// <summary>One cap: at most <see cref="Max"/> (at least <see cref="Min"/>) <see cref="Unit"/>, optionally <see cref="Per"/> period.</summary>
public sealed record Limit
{
    public decimal? Min { get; init; }

    public required decimal Max { get; init; }

    public required CapUnit Unit { get; init; }

    public CapPeriod? Per { get; init; }

    public string TextLv() => $"{Range()} {UnitLv()}{Per switch { CapPeriod.Day => " dienā", CapPeriod.Week => " nedēļā", CapPeriod.Month => " mēnesī", CapPeriod.Year => " gadā", CapPeriod.Decision => " vienā lēmumā", _ => "" }}";

    public string TextEn() => $"{Range()} {UnitEn()}{Per switch { CapPeriod.Day => " per day", CapPeriod.Week => " per week", CapPeriod.Month => " per month", CapPeriod.Year => " per year", CapPeriod.Decision => " per decision", _ => "" }}";

    private string Range() => Min is { } min
        ? $"{min.ToString(CultureInfo.InvariantCulture)}–{Max.ToString(CultureInfo.InvariantCulture)}"
        : $"≤ {Max.ToString(CultureInfo.InvariantCulture)}";

    private string UnitLv() => Unit switch
    {
        CapUnit.Sessions => "konsultācijas (nodarbības)",
        CapUnit.MinutesPerSession => "min vienai konsultācijai",
        CapUnit.Hours => "h",
        CapUnit.Days => "dienas",
        CapUnit.Weeks => "nedēļas",
        CapUnit.Months => "mēneši",
        CapUnit.Participants => "dalībnieki grupā",
        CapUnit.Places => "vietas",
        CapUnit.ClientsPerWorker => "klienti vienam speciālistam",
        CapUnit.Euros => "EUR",
        _ => Unit.ToString(),
    };

    private string UnitEn() => Unit switch
    {
        CapUnit.MinutesPerSession => "min per session",
        CapUnit.Hours => "h",
        CapUnit.Participants => "participants per group",
        CapUnit.ClientsPerWorker => "clients per worker",
        CapUnit.Euros => "EUR",
        _ => Unit.ToString().ToLowerInvariant(),
    };
}

public enum CapUnit
{
    Sessions,
    MinutesPerSession,
    Hours,
    Days,
    Weeks,
    Months,
    Participants,
    Places,
    ClientsPerWorker,
    Euros,
}

public enum CapPeriod
{
    Day,
    Week,
    Month,
    Year,
    Decision,
}
