namespace Referrals.Reference;

/// <summary>Supporting documents named by MK 138 point 10 and municipal practice (standards.md §3).</summary>
public static class Documents
{
    public const string Application = "application";
    public const string IdDocument = "id-document";
    public const string GpCertificate = "gp-certificate";
    public const string PsychiatristOpinion = "psychiatrist-opinion";
    public const string IncomeStatement = "income-statement";
    public const string DisabilityCertificate = "disability-certificate";
    public const string NeedsAssessment = "needs-assessment";

    public static readonly IReadOnlyList<Term> All =
    [
        new(Application, "Iesniegums", "Application"),
        new(IdDocument, "Personu apliecinošs dokuments", "Identity document"),
        new(GpCertificate, "Ģimenes ārsta izziņa", "GP certificate"),
        new(PsychiatristOpinion, "Psihiatra atzinums", "Psychiatrist's opinion"),
        new(IncomeStatement, "Ienākumus apliecinoši dokumenti", "Income documents"),
        new(DisabilityCertificate, "Invaliditātes apliecība", "Disability certificate"),
        new(NeedsAssessment, "Vajadzību novērtējuma karte", "Needs assessment card"),
    ];

    public static bool IsKnown(string? code) => code is not null && All.Any(t => t.Code == code);
}
