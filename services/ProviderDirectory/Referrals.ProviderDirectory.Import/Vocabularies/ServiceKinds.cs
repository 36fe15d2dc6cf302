using Referrals.Reference;

namespace Referrals.ProviderDirectory.Import.Vocabularies;

/// <summary>Register column 2 (Pakalpojuma veids).</summary>
public static class ServiceKinds
{
    public const string Residential = "residential";
    public const string NonResidential = "non-residential";
    public const string Both = "both";

    public static readonly Vocabulary Vocabulary = new(
        [
            new(Residential, "Ar izmitināšanu", "With accommodation (residential)"),
            new(NonResidential, "Bez izmitināšanas", "Without accommodation (non-residential)"),
            new(Both, "Ar izmitināšanu un bez izmitināšanas", "With and without accommodation"),
        ],
        [
            new("Ar izmitināšanu", Residential),
            new("Bez izmitināšanas", NonResidential),
            new("Ar izmitināšanu un bez izmitināšanas", Both),
        ]);
}
