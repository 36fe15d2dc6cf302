using Microsoft.Extensions.Time.Testing;
using Referrals.ProviderDirectory.Organisations;
using Referrals.ProviderDirectory.Requests;
using Referrals.ProviderDirectory.Seed;
using Referrals.ProviderDirectory.Store;
using Referrals.Reference;
using Referrals.Testing;
using Xunit;

using Referrals.ServiceDefaults.Http;

namespace Referrals.ProviderDirectory.Tests.Seed;

/// <summary>The importer's committed output loaded as the embedded default's directory.</summary>
public sealed class RegisterLoaderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SeedFile(string name) => Path.Combine(AppContext.BaseDirectory, "Seed", name);

    private async Task<(SqliteDirectoryStore Store, LoadSummary Summary, RegisterLoader Loader)> LoadAsync()
    {
        var store = new SqliteDirectoryStore(_temp.SqliteConnectionString("directory"));
        var loader = new RegisterLoader(store, new FakeTimeProvider(Now));
        var summary = await LoadAsync(loader);
        return (store, summary, loader);
    }

    private static Task<LoadSummary> LoadAsync(RegisterLoader loader) => loader.LoadAsync(
        SeedFile("register-000.json"), SeedFile("social-services-004.json"), SeedFile("municipality-crosswalk-2010-2021.json"), Ct);

    [Fact]
    public async Task Every_register_provider_and_social_service_office_is_loaded_with_its_services()
    {
        var (store, summary, _) = await LoadAsync();

        Assert.Equal(101, summary.Organisations);
        Assert.Equal(42, summary.Offices);
        var organisations = await store.ListOrganisationsAsync(Ct);
        Assert.Equal(143, organisations.Count);
        Assert.Equal(42, organisations.Count(o => o.Kind == OrganisationKinds.SocialService));
        Assert.All(organisations.Where(o => o.Kind == OrganisationKinds.SocialService), o => Assert.Empty(o.ServiceIds));
        Assert.All(organisations, o => Assert.NotNull(Municipalities.Find(o.Municipality)));
        Assert.Equal(summary.Services, organisations.Sum(o => o.ServiceIds.Count));
        Assert.True(summary.Services >= 94, $"{summary.Services} services");
    }

    [Fact]
    public async Task Register_services_have_no_free_places_and_take_ages_gender_and_groups_from_the_register()
    {
        var (store, _, _) = await LoadAsync();

        // 01-01: a children's home ("Bērni (meitenes un zēni)", orphans) in Daugavpils.
        var childrensHome = await store.Services.FindAsync(RegisterLoader.ServiceIdOf("01-01-daugavpils-pilsetas-domes-socialo-lietu-parvalde", "long-term-care"), Ct);
        Assert.NotNull(childrensHome);
        Assert.Equal((0, 17, (string?)null), (childrensHome.MinAge, childrensHome.MaxAge, childrensHome.Gender));
        Assert.Equal(["children-without-parental-care"], childrensHome.ClientGroups);
        Assert.Equal(("LV-DGV", "Latgale"), (childrensHome.Municipality, childrensHome.PlanningRegion));
        Assert.Equal((0, 0), (childrensHome.Available, childrensHome.Maximum));

        // 01-02: adults only, four client groups.
        var pensioners = await store.Services.FindAsync(RegisterLoader.ServiceIdOf("01-02-daugavpils-pensionaru-socialas-apkalposanas-teri", "long-term-care"), Ct);
        Assert.Equal((18, (int?)null), (pensioners!.MinAge, pensioners.MaxAge));
        Assert.Equal(["mental-disorder", "elderly", "visual-impairment", "physical-disability"], pensioners.ClientGroups);
    }

    [Fact]
    public async Task Pre_2021_sections_land_in_their_2021_municipalities()
    {
        var (store, _, _) = await LoadAsync();
        var organisations = await store.ListOrganisationsAsync(Ct);

        string MunicipalityOfSection(int section) => organisations
            .Where(o => o.Source?.StartsWith($"register-000 §{section} ", StringComparison.Ordinal) == true)
            .Select(o => o.Municipality).Distinct().Single();

        Assert.Equal("LV-073", MunicipalityOfSection(3)); // Aglonas novads → Preiļu novads
        Assert.Equal("LV-111", MunicipalityOfSection(8)); // Daugavpils novads → Augšdaugavas novads
        Assert.Equal("LV-111", MunicipalityOfSection(9)); // Ilūkstes novads
        Assert.Equal("LV-015", MunicipalityOfSection(19)); // Viļakas novads → Balvu novads
        Assert.Equal("LV-058", MunicipalityOfSection(21)); // Zilupes novads → Ludzas novads
        Assert.Equal("LV-077", MunicipalityOfSection(20)); // Viļānu novads → Rēzeknes novads
        Assert.Equal("LV-047", MunicipalityOfSection(7)); // Dagdas novads → Krāslavas novads
        Assert.Equal("LV-JEL", organisations.Single(o => o.Id == RegisterLoader.SocialServicePrefix + "jelgavas-novads").Municipality);
    }

    [Fact]
    public async Task Loading_again_changes_nothing_and_keeps_free_places_set_since()
    {
        var (store, first, loader) = await LoadAsync();
        var id = RegisterLoader.ServiceIdOf("01-02-daugavpils-pensionaru-socialas-apkalposanas-teri", "long-term-care");
        await Messaging.Documents.DocumentUpdates.UpdateAsync(store.Services, id, s =>
        {
            s.Available = 3;
            s.Maximum = 90;
            return true;
        }, cancellationToken: Ct);
        var before = (await store.Services.FindAsync(id, Ct))!.Version;

        var second = await LoadAsync(loader);

        Assert.Equal(first.Organisations + first.Services + first.Offices, first.Changed);
        Assert.Equal((first.Organisations, first.Services, first.Offices, 0), (second.Organisations, second.Services, second.Offices, second.Changed));
        Assert.Equal(143, (await store.ListOrganisationsAsync(Ct)).Count);
        var after = (await store.Services.FindAsync(id, Ct))!;
        Assert.Equal((3, 90, before), (after.Available, after.Maximum, after.Version));
    }

    [Fact]
    public async Task A_register_service_is_matched_by_age_group_and_municipality_with_reasons()
    {
        var (store, _, _) = await LoadAsync();
        var planner = new PlacementPlanner(store, new FakeTimeProvider(Now));
        var request = new PlacementRequestDocument
        {
            Id = "r-1",
            ServiceType = "long-term-care",
            ClientGroup = "elderly",
            DateOfBirth = new DateOnly(1940, 1, 1),
            Gender = "female",
            DeclaredMunicipality = "LV-DGV",
        };

        var plan = await planner.PlanAsync(request, Ct);

        Assert.NotEmpty(plan.Candidates);
        Assert.Null(plan.Offer); // the register knows no free places
        Assert.DoesNotContain(plan.Candidates, c => c.ServiceId.StartsWith("01-01-", StringComparison.Ordinal)); // children only
        var pensioners = Assert.Single(plan.Candidates, c => c.ServiceId.StartsWith("01-02-", StringComparison.Ordinal));
        Assert.Contains("in the declared municipality LV-DGV", pensioners.Why);
        Assert.Contains("serves client group elderly", pensioners.Why);
        Assert.Contains(pensioners.Why, w => w.StartsWith("age 86 within 18", StringComparison.Ordinal));
        foreach (var candidate in plan.Candidates)
        {
            var service = await store.Services.FindAsync(candidate.ServiceId, Ct);
            Assert.Equal(PlanningRegion.Latgale, Municipalities.Find(service!.Municipality)!.Region);
        }

        var ranks = plan.Candidates.Select(c => c.Rank).ToList();
        Assert.Equal(Enumerable.Range(1, ranks.Count), ranks);
        var firstOutside = plan.Candidates.ToList().FindIndex(c => !c.Why.Contains("in the declared municipality LV-DGV"));
        Assert.True(firstOutside < 0 || plan.Candidates.Skip(firstOutside).All(c => !c.Why.Contains("in the declared municipality LV-DGV")));
    }

    [Fact]
    public void The_crosswalk_maps_every_register_section_to_a_2021_latgale_municipality()
    {
        var json = File.ReadAllText(SeedFile("municipality-crosswalk-2010-2021.json"));
        var crosswalk = System.Text.Json.JsonSerializer.Deserialize<CrosswalkFile>(json, Referrals.ServiceDefaults.Http.JsonBody.Options)!;

        Assert.Equal(Enumerable.Range(1, 21), crosswalk.Sections!.Select(s => s.Section));
        Assert.All(crosswalk.Sections!, s =>
        {
            var municipality = Municipalities.Find(s.Code);
            Assert.NotNull(municipality);
            Assert.Equal(PlanningRegion.Latgale, municipality.Region);
            Assert.Equal(s.Name2021, municipality.NameLv);
        });
    }

    public void Dispose() => _temp.Dispose();
}
