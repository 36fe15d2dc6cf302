using Referrals.ProviderDirectory.Import.Vocabularies;
using Referrals.Reference;

namespace Referrals.ProviderDirectory.Import.Output;

public sealed record TaxonomyTerm(string Code, string NameLv, string NameEn, IReadOnlyList<string> Spellings);

public sealed record Taxonomy(string Id, string NameEn, IReadOnlyList<TaxonomyTerm> Terms);

/// <summary>The vocabularies the import maps onto, written next to the data so the directory can publish them.</summary>
public static class Taxonomies
{
    public const string FileName = "taxonomies.json";

    public static IReadOnlyList<Taxonomy> All() =>
    [
        From("service-kind", "Service kind (with / without accommodation)", ServiceKinds.Vocabulary),
        From("provider-type", "Social service provider type", ProviderTypes.Vocabulary),
        From("legal-status", "Legal status", LegalStatuses.Vocabulary),
        new("service-type", "Social service type", ServiceTypes.All.Select(t => new TaxonomyTerm(t.Code, t.NameLv, t.NameEn, [])).ToList()),
        new("age-group", "Clients by age", ClientProfiles.AgeGroups.Select(t => new TaxonomyTerm(t.Code, t.NameLv, t.NameEn, [])).ToList()),
        new("client-group", "Client group",
        [
            .. ClientGroups.All.Select(t => new TaxonomyTerm(t.Code, t.NameLv, t.NameEn, [])),
            new(ClientGroupPhrases.Residents, "Pašvaldības iedzīvotāji", "Residents of the municipality", []),
        ]),
    ];

    private static Taxonomy From(string id, string name, Vocabulary vocabulary) =>
        new(id, name, vocabulary.Terms
            .Select(t => new TaxonomyTerm(t.Code, t.NameLv, t.NameEn, vocabulary.Spellings.Where(s => s.Code == t.Code).Select(s => s.Spelling).ToList()))
            .ToList());
}
