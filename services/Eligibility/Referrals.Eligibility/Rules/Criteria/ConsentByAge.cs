using System.Globalization;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>
/// Whose consent the service needs, by the client's completed age on the reference date: the person's own from
/// <see cref="OwnFromYears"/> (e.g. 14 for addiction treatment, 004 l.6342–6348), a parent's or legal representative's
/// below <see cref="RepresentativeUnderYears"/> (e.g. 18). Both can be needed at once (a 15-year-old at Ģintermuiža).
/// A missing consent asks for it: it can still be obtained, so it never refuses.
/// </summary>
public sealed record ConsentByAge : FactCriterion
{
    public int? OwnFromYears { get; init; }

    public int? RepresentativeUnderYears { get; init; }

    public override CriterionCheck Check(EligibilityFacts facts, DateOnly referenceDate)
    {
        var age = Age.CompletedYears(facts.DateOfBirth, referenceDate);
        var needed = new List<string>();
        if (OwnFromYears is { } own && age >= own)
        {
            needed.Add("person");
        }

        if (RepresentativeUnderYears is { } under && age < under)
        {
            needed.Add("legal-representative");
        }

        var years = age.ToString(CultureInfo.InvariantCulture);
        if (needed.Count == 0)
        {
            return CriterionCheck.Passed($"Vecumā {years} g. piekrišana nav nepieciešama", $"At age {years} no consent is needed");
        }

        var words = FactCodes.Words(FactCodes.Consenters, needed);
        if (facts.ConsentGivenBy is null)
        {
            return NotStated($"piekrišana ({words.Lv}) vecumā {years} g.", $"consent ({words.En}) at age {years}");
        }

        var missing = needed.Where(n => !facts.ConsentGivenBy.Contains(n, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            var absent = FactCodes.Words(FactCodes.Consenters, missing);
            return CriterionCheck.Missing($"Trūkst piekrišanas: {absent.Lv} (vecums {years} g.)", $"Consent missing: {absent.En} (age {years})");
        }

        return CriterionCheck.Passed($"Piekrišana dota: {words.Lv} (vecums {years} g.)", $"Consent given: {words.En} (age {years})");
    }

    public override IEnumerable<RuleProblem> Problems()
    {
        if (OwnFromYears is null && RepresentativeUnderYears is null)
        {
            yield return new("", "a consent rule needs ownFromYears or representativeUnderYears");
        }

        if (OwnFromYears is < 0 or > 150)
        {
            yield return new("ownFromYears", "must lie between 0 and 150");
        }

        if (RepresentativeUnderYears is < 0 or > 150)
        {
            yield return new("representativeUnderYears", "must lie between 0 and 150");
        }
    }
}
