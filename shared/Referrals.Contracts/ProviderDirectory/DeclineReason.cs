namespace Referrals.Contracts.ProviderDirectory;

/// <summary>The closed list of reasons a provider may give for declining an offer.</summary>
public enum DeclineReason
{
    NoCapacity,
    NotEligible,
    MissingDocuments,
    OutOfServiceArea,
    ClientRefused,
    Other,
}
