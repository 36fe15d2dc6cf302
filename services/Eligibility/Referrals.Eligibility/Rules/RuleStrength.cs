namespace Referrals.Eligibility.Rules;

/// <summary>How binding a rule is (children-services-004.md §8): only statutory and programme rules can refuse a referral.</summary>
public enum RuleStrength
{
    /// <summary>The source cites a law or a Cabinet regulation.</summary>
    Statutory,

    /// <summary>The service's own stated criteria or caps.</summary>
    Programme,

    /// <summary>Target-group wording: shown to the social worker as a warning, never a reason to refuse.</summary>
    Descriptive,
}
