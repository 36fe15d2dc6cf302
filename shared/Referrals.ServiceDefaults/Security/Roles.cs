namespace Referrals.ServiceDefaults.Security;

/// <summary>The four roles a token's role claim may carry; each is also the name of an authorization policy.</summary>
public static class Roles
{
    /// <summary>Submits and follows the referrals of one municipality (tenant claim <c>municipality</c>).</summary>
    public const string SocialWorker = "social-worker";

    /// <summary>Answers the offers made to one provider (tenant claim <c>provider</c>).</summary>
    public const string ProviderStaff = "provider-staff";

    /// <summary>Reads, never changes, across one planning region (tenant claim <c>region</c>).</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Manages the directory and the rules; never reads clients' personal data.</summary>
    public const string Administrator = "administrator";

    public static IReadOnlyList<string> All { get; } = [SocialWorker, ProviderStaff, Coordinator, Administrator];
}

/// <summary>The claim names the platform reads from a token (an external identity provider maps its attributes onto these).</summary>
public static class ReferralsClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>ISO 3166-2:LV code of the social worker's municipality, e.g. LV-DGV.</summary>
    public const string Municipality = "municipality";

    /// <summary>The directory's organisation id of the provider staff's employer, e.g. org-dgv-seniori.</summary>
    public const string Provider = "provider";

    /// <summary>The coordinator's planning region: Riga, Vidzeme, Kurzeme, Zemgale or Latgale.</summary>
    public const string Region = "region";
}
