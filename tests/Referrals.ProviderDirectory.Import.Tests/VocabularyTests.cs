using Referrals.ProviderDirectory.Import.Vocabularies;
using Referrals.Reference;

namespace Referrals.ProviderDirectory.Import.Tests;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("Ilgstošas sociālas aprūpes un sociālas rehabilitācijas institūcija", ProviderTypes.LongTermCareAndRehabilitation)]
    [InlineData("Nakts  patversme", ProviderTypes.NightShelter)]
    [InlineData("Naktspatversme", ProviderTypes.NightShelter)]
    [InlineData("Grupu māja (dzīvokļi)", ProviderTypes.GroupHome)]
    [InlineData("Īslaicīgās (līdz trīs mēnešiem) sociālās aprūpes institūcija", ProviderTypes.ShortTermCare)]
    [InlineData("Sociālais dienests", ProviderTypes.MunicipalSocialService)]
    public void Provider_type_spellings_map_onto_one_concept(string spelling, string code)
    {
        Assert.Equal(code, ProviderTypes.Vocabulary.Find(spelling)?.Code);
    }

    [Fact]
    public void Every_spelling_maps_onto_a_term_with_Latvian_and_English_names()
    {
        Vocabulary[] vocabularies = [ProviderTypes.Vocabulary, LegalStatuses.Vocabulary, ServiceKinds.Vocabulary];
        Assert.All(vocabularies, v => Assert.All(v.Spellings, s => Assert.NotNull(v.Term(s.Code))));
        Assert.All(vocabularies.SelectMany(v => v.Terms), t => Assert.True(t.NameLv.Length > 0 && t.NameEn.Length > 0));
        Assert.True(ProviderTypes.Vocabulary.Spellings.Count >= 25);
        Assert.Equal(16, LegalStatuses.Vocabulary.Spellings.Count);
    }

    [Fact]
    public void Every_provider_type_and_legal_status_of_the_register_is_in_the_vocabularies()
    {
        var providers = Seeds.RegisterResult().Providers;
        var spellings = providers.Select(p => Text.Normalize(p.ProviderType.Source)).Distinct().ToList();
        Assert.True(spellings.Count >= 24, string.Join(", ", spellings));
        Assert.All(providers, p => Assert.NotNull(ProviderTypes.Vocabulary.Find(p.ProviderType.Source)));
        Assert.All(providers, p => Assert.NotNull(LegalStatuses.Vocabulary.Find(p.LegalStatus.Source)));
    }

    [Theory]
    [InlineData("redzes invalīdi", new[] { ClientGroups.VisualImpairment })]
    [InlineData("Bērni bāreņi un bez vecāku gādības palikušie bērni", new[] { ClientGroups.ChildrenWithoutParentalCare })]
    [InlineData("personas, kas atgriezušās no ieslodzījuma vietas", new[] { ClientGroups.FormerPrisoners })]
    [InlineData("Daugavpils pilsētas iedzīvotāji", new[] { ClientGroupPhrases.Residents })]
    [InlineData("Trūcīgas personas un ģimenes", new[] { ClientGroups.LowIncome })]
    public void Client_group_phrases_map_onto_the_shared_taxonomy(string phrase, string[] codes)
    {
        Assert.Equal(codes, ClientGroupPhrases.Map(phrase));
        Assert.All(codes.Where(c => c != ClientGroupPhrases.Residents), c => Assert.True(ClientGroups.IsKnown(c)));
    }
}
