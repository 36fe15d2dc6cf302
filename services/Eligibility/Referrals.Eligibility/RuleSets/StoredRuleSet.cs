using Referrals.Messaging.Outbox;

namespace Referrals.Eligibility.RuleSets;

/// <summary>
/// One published version of the rule set (id = the version number as text). The rules are kept as the validated
/// JSON document so the criteria's polymorphism never meets the BSON mapper; a version is written once and never changed.
/// </summary>
public sealed class StoredRuleSet : OutboxDocument
{
    public int Number { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The id of the administrator who published it (the token's subject, never a name).</summary>
    public string? CreatedBy { get; set; }

    public int RuleCount { get; set; }

    public string Document { get; set; } = "";

    public static string IdOf(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
