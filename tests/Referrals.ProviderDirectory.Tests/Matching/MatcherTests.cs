using Referrals.ProviderDirectory.Matching;
using Xunit;

namespace Referrals.ProviderDirectory.Tests.Matching;

public sealed class MatcherTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static MatchCriteria Elderly(string declared = "LV-DGV", string? preferred = null) =>
        new("day-care-centre", "elderly", new DateOnly(1950, 5, 1), "female", declared, preferred);

    private static ServiceOption Service(
        string id,
        string municipality = "LV-DGV",
        int available = 1,
        string name = "Provider",
        string type = "day-care-centre",
        string[]? groups = null,
        int? minAge = null,
        int? maxAge = null,
        string? gender = null,
        string? providerId = null) =>
        new(providerId ?? "org-" + id, name, id, type, groups ?? ["elderly"], minAge, maxAge, gender, municipality, available);

    [Fact]
    public void Declared_municipality_comes_before_the_rest_of_the_region_and_other_regions_are_excluded()
    {
        var result = Matcher.Match(Elderly(), [
            Service("rez", "LV-REZ", available: 9, name: "A Rēzekne"),
            Service("dgv", "LV-DGV", available: 1, name: "Z Daugavpils"),
            Service("riga", "LV-RIX", available: 50, name: "Rīga"),
        ], Today);

        Assert.Equal(["dgv", "rez"], result.Select(c => c.ServiceId));
        Assert.Equal([1, 2], result.Select(c => c.Rank));
        Assert.Contains("in the declared municipality LV-DGV", result[0].Why);
        Assert.Contains(result[1].Why, w => w.Contains("same planning region Latgale", StringComparison.Ordinal));
    }

    [Fact]
    public void Within_a_tier_more_free_places_rank_first_then_name()
    {
        var result = Matcher.Match(Elderly(), [
            Service("b", available: 2, name: "Bērzi"),
            Service("a", available: 2, name: "Ābeles"),
            Service("c", available: 5, name: "Zīles"),
            Service("d", available: 0, name: "Ajas"),
        ], Today);

        Assert.Equal(["c", "a", "b", "d"], result.Select(c => c.ServiceId));
        Assert.False(result[3].HasFreePlace);
        Assert.Contains("no free place", result[3].Why);
    }

    [Fact]
    public void The_social_workers_choice_goes_first_when_it_fits_and_has_a_free_place()
    {
        var result = Matcher.Match(Elderly(preferred: "org-chosen"), [
            Service("near", "LV-DGV", available: 5, name: "Tuvais"),
            Service("chosen", "LV-058", available: 1, name: "Izvēlētais", providerId: "org-chosen"),
        ], Today);

        Assert.Equal("chosen", result[0].ServiceId);
        Assert.Equal(1, result[0].Rank);
        Assert.Equal(Matcher.ChosenBySocialWorker, result[0].Why[0]);
        Assert.Equal(2, result[1].Rank);
    }

    [Fact]
    public void The_social_workers_choice_without_a_free_place_keeps_its_normal_rank()
    {
        var result = Matcher.Match(Elderly(preferred: "org-chosen"), [
            Service("near", "LV-DGV", available: 5),
            Service("chosen", "LV-058", available: 0, providerId: "org-chosen"),
        ], Today);

        Assert.Equal(["near", "chosen"], result.Select(c => c.ServiceId));
        Assert.DoesNotContain(result, c => c.Why.Contains(Matcher.ChosenBySocialWorker));
    }

    [Fact]
    public void Client_group_must_be_served_and_empty_groups_serve_everyone()
    {
        var result = Matcher.Match(Elderly(), [
            Service("children", groups: ["families-with-children"]),
            Service("anyone", groups: []),
            Service("elderly", groups: ["elderly", "physical-disability"]),
        ], Today);

        Assert.Equal(["anyone", "elderly"], result.Select(c => c.ServiceId).Order());
    }

    [Fact]
    public void Age_on_the_day_must_be_within_bounds()
    {
        // Born 1950-05-01: 76 on 2026-11-23.
        var result = Matcher.Match(Elderly(), [
            Service("young", maxAge: 64),
            Service("old", minAge: 77),
            Service("fits", minAge: 65, maxAge: 76),
        ], Today);

        Assert.Equal(["fits"], result.Select(c => c.ServiceId));
        Assert.Contains("age 76 within 65–76", result[0].Why);
    }

    [Fact]
    public void Age_counts_whole_years_up_to_the_birthday()
    {
        Assert.Equal(16, Matcher.AgeOn(new DateOnly(2009, 11, 24), Today));
        Assert.Equal(18, Matcher.AgeOn(new DateOnly(2008, 11, 23), Today));
    }

    [Fact]
    public void Gender_must_fit_when_the_service_names_one()
    {
        var result = Matcher.Match(Elderly(), [
            Service("men", gender: "male"),
            Service("women", gender: "female"),
            Service("anyone"),
        ], Today);

        Assert.Equal(["anyone", "women"], result.Select(c => c.ServiceId).Order());
    }

    [Fact]
    public void Other_service_types_never_match()
    {
        Assert.Empty(Matcher.Match(Elderly(), [Service("home", type: "home-care")], Today));
    }
}
