namespace Referrals.Eligibility.Rules;

/// <summary>The rule set this build ships with, embedded as a JSON resource (<c>Rules/rules.json</c>).</summary>
public static class RuleSetCatalogue
{
    public const string ResourceName = "Referrals.Eligibility.rules.json";

    public static RuleSet LoadEmbedded()
    {
        using var stream = typeof(RuleSetCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded rule set {ResourceName} is missing from the build.");
        return RuleSetJson.Read(stream);
    }
}
