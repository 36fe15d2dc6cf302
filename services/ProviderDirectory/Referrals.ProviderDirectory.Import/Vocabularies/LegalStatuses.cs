using Referrals.Reference;

namespace Referrals.ProviderDirectory.Import.Vocabularies;

/// <summary>Register column 7 (Juridiskais statuss).</summary>
public static class LegalStatuses
{
    public const string MunicipalInstitution = "municipal-institution";
    public const string MunicipalInstitutionUnit = "municipal-institution-unit";
    public const string Municipality = "municipality";
    public const string MunicipalAdministrationUnit = "municipal-administration-unit";
    public const string MunicipalUnit = "municipal-unit";
    public const string ParishAdministrationUnit = "parish-administration-unit";
    public const string MunicipalCompany = "municipal-company";
    public const string StateInstitution = "state-institution";
    public const string StateCompany = "state-company";
    public const string Company = "company";
    public const string CompanyUnit = "company-unit";
    public const string Association = "association";
    public const string Foundation = "foundation";
    public const string ReligiousOrganisation = "religious-organisation";
    public const string NonProfitOrganisation = "non-profit-organisation";

    public static readonly Vocabulary Vocabulary = new(
        [
            new(MunicipalInstitution, "Pašvaldības iestāde", "Municipal institution"),
            new(MunicipalInstitutionUnit, "Pašvaldības iestādes struktūrvienība", "Structural unit of a municipal institution"),
            new(Municipality, "Pašvaldība", "Municipality (local government)"),
            new(MunicipalAdministrationUnit, "Pašvaldības pārvaldes struktūrvienība", "Structural unit of municipal administration"),
            new(MunicipalUnit, "Pašvaldības struktūrvienība", "Municipal structural unit"),
            new(ParishAdministrationUnit, "Novada pagasta pārvaldes struktūrvienība", "Structural unit of a parish administration"),
            new(MunicipalCompany, "Pašvaldības SIA", "Municipally owned limited liability company"),
            new(StateInstitution, "Valsts iestāde", "State institution"),
            new(StateCompany, "VSIA", "State-owned limited liability company"),
            new(Company, "SIA", "Limited liability company"),
            new(CompanyUnit, "SIA struktūrvienība", "Structural unit of a limited liability company"),
            new(Association, "Biedrība", "Association (NGO)"),
            new(Foundation, "Nodibinājums", "Foundation"),
            new(ReligiousOrganisation, "Reliģiska organizācija", "Religious organisation"),
            new(NonProfitOrganisation, "Sabiedriskā bezpeļņas organizācija", "Public non-profit organisation"),
        ],
        [
            new("Pašvaldības iestāde", MunicipalInstitution),
            new("Pašvaldības iestādes struktūrvienība", MunicipalInstitutionUnit),
            new("Pašvaldība", Municipality),
            new("Pašvaldības pārvaldes struktūrvienība", MunicipalAdministrationUnit),
            new("Pašvaldības struktūrvienība", MunicipalUnit),
            new("Novada Kalupes pagasta pārvaldes struktūrvienība", ParishAdministrationUnit),
            new("Novada Demenes pagasta pārvaldes struktūrvienība", ParishAdministrationUnit),
            new("Pašvaldības SIA", MunicipalCompany),
            new("Valsts iestāde", StateInstitution),
            new("VSIA", StateCompany),
            new("SIA", Company),
            new("SIA struktūrvienība", CompanyUnit),
            new("Biedrība", Association),
            new("Nodibinājums", Foundation),
            new("Reliģiska organizācija", ReligiousOrganisation),
            new("Sabiedriskā bezpeļņas organizācija", NonProfitOrganisation),
        ]);
}
