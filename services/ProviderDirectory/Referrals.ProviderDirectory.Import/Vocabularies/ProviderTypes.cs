using Referrals.Reference;

namespace Referrals.ProviderDirectory.Import.Vocabularies;

/// <summary>Register column 4 (Sociālo pakalpojumu sniedzēja veids): every source spelling mapped onto one concept.</summary>
public static class ProviderTypes
{
    public const string LongTermCareAndRehabilitation = "long-term-care-and-rehabilitation-institution";
    public const string LongTermCare = "long-term-care-institution";
    public const string ShortTermCare = "short-term-care-institution";
    public const string ShortTermAccommodation = "short-term-accommodation-institution";
    public const string MunicipalSocialService = "municipal-social-service";
    public const string MunicipalAgency = "municipal-agency";
    public const string HomeCare = "home-care";
    public const string DayCareCentre = "day-care-centre";
    public const string DayCentre = "day-centre";
    public const string SocialCareRehabilitationDayCentre = "social-care-and-rehabilitation-day-centre";
    public const string SocialRehabilitation = "social-rehabilitation-institution";
    public const string CrisisCentre = "crisis-centre";
    public const string FamilySupportCentre = "family-support-centre";
    public const string SocialHouse = "social-house";
    public const string SocialApartments = "social-apartments";
    public const string NightShelter = "night-shelter";
    public const string Shelter = "shelter";
    public const string GroupHome = "group-home";
    public const string HalfwayHouse = "halfway-house";
    public const string HumanitarianAid = "humanitarian-aid";
    public const string FreeKitchen = "free-kitchen";

    /// <summary>
    /// The service-type catalogue entry (<see cref="ServiceTypes"/>) a provider type delivers, where one clearly fits;
    /// social rehabilitation institutions, family support centres and humanitarian aid have no catalogue entry.
    /// </summary>
    public static IReadOnlyList<string> ServiceTypesOf(string? providerType) => providerType switch
    {
        LongTermCareAndRehabilitation or LongTermCare => [ServiceTypes.LongTermCare],
        ShortTermCare or ShortTermAccommodation => [ServiceTypes.ShortTermCare],
        MunicipalSocialService or MunicipalAgency => [ServiceTypes.SocialWork],
        HomeCare => [ServiceTypes.HomeCare],
        DayCareCentre or DayCentre or SocialCareRehabilitationDayCentre => [ServiceTypes.DayCareCentre],
        CrisisCentre => [ServiceTypes.CrisisCentre],
        SocialHouse or SocialApartments => [ServiceTypes.SocialHousing],
        NightShelter or Shelter => [ServiceTypes.Shelter],
        GroupHome => [ServiceTypes.GroupHome],
        HalfwayHouse => [ServiceTypes.HalfwayHouse],
        FreeKitchen => [ServiceTypes.SoupKitchen],
        _ => [],
    };

    public static readonly Vocabulary Vocabulary = new(
        [
            new(LongTermCareAndRehabilitation, "Ilgstošas sociālās aprūpes un sociālās rehabilitācijas institūcija", "Long-term social care and social rehabilitation institution"),
            new(LongTermCare, "Ilgstošas sociālās aprūpes institūcija", "Long-term social care institution"),
            new(ShortTermCare, "Īslaicīgās sociālās aprūpes institūcija", "Short-term (up to 3 months) social care institution"),
            new(ShortTermAccommodation, "Īslaicīgas izmitināšanas iestāde", "Short-term accommodation institution"),
            new(MunicipalSocialService, "Pašvaldības sociālais dienests", "Municipal social service"),
            new(MunicipalAgency, "Pašvaldības aģentūra", "Municipal agency"),
            new(HomeCare, "Aprūpe mājās", "Home care"),
            new(DayCareCentre, "Dienas aprūpes centrs", "Day care centre"),
            new(DayCentre, "Dienas centrs", "Day centre"),
            new(SocialCareRehabilitationDayCentre, "Sociālās aprūpes un rehabilitācijas dienas centrs", "Social care and rehabilitation day centre"),
            new(SocialRehabilitation, "Sociālās rehabilitācijas institūcija", "Social rehabilitation institution"),
            new(CrisisCentre, "Krīzes centrs", "Crisis centre"),
            new(FamilySupportCentre, "Ģimenes atbalsta centrs", "Family support centre"),
            new(SocialHouse, "Sociālā māja", "Social house"),
            new(SocialApartments, "Sociālie dzīvokļi", "Social apartments"),
            new(NightShelter, "Naktspatversme", "Night shelter"),
            new(Shelter, "Patversme", "Shelter"),
            new(GroupHome, "Grupu māja (dzīvokļi)", "Group home (apartments)"),
            new(HalfwayHouse, "Pusceļa māja", "Halfway house"),
            new(HumanitarianAid, "Humānā palīdzība", "Humanitarian aid"),
            new(FreeKitchen, "Bezmaksas virtuve", "Free (soup) kitchen"),
        ],
        [
            new("Ilgstošas sociālās aprūpes un sociālās rehabilitācijas institūcija", LongTermCareAndRehabilitation),
            new("Ilgstošas sociālas aprūpes un sociālas rehabilitācijas institūcija", LongTermCareAndRehabilitation),
            new("Ilgstošas sociālas aprūpes un sociālās rehabilitācijas institūcija", LongTermCareAndRehabilitation),
            new("Ilgstošas sociālās aprūpes institūcija", LongTermCare),
            new("Īslaicīgās (līdz trīs mēnešiem) sociālās aprūpes institūcija", ShortTermCare),
            new("Īslaicīgas izmitināšanas iestāde", ShortTermAccommodation),
            new("Pašvaldības sociālais dienests", MunicipalSocialService),
            new("Sociālais dienests", MunicipalSocialService),
            new("Pašvaldības aģentūra", MunicipalAgency),
            new("Aprūpe mājās", HomeCare),
            new("Dienas aprūpes centrs", DayCareCentre),
            new("Dienas centrs", DayCentre),
            new("Sociālās aprūpes un rehabilitācijas dienas centrs", SocialCareRehabilitationDayCentre),
            new("Sociālās rehabilitācijas institūcija", SocialRehabilitation),
            new("Krīzes centrs", CrisisCentre),
            new("Ģimenes atbalsta centrs", FamilySupportCentre),
            new("Sociālā māja", SocialHouse),
            new("Sociālā dzīvojamā māja", SocialHouse),
            new("Sociālie dzīvokļi", SocialApartments),
            new("Naktspatversme", NightShelter),
            new("Nakts patversme", NightShelter),
            new("Patversme", Shelter),
            new("Grupu dzīvokļi", GroupHome),
            new("Grupu māja (dzīvokļi)", GroupHome),
            new("Pusceļa māja", HalfwayHouse),
            new("Humānā palīdzība", HumanitarianAid),
            new("Bezmaksas virtuve", FreeKitchen),
        ]);
}
