namespace Referrals.Eligibility.RuleSets;

/// <summary>Published rule-set versions, kept in the eligibility store next to the assessments made under them.</summary>
public interface IRuleSetStore
{
    Task<StoredRuleSet?> FindAsync(int number, CancellationToken cancellationToken);

    /// <summary>The highest-numbered version, or null when only the embedded seed exists.</summary>
    Task<StoredRuleSet?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>All versions, oldest first.</summary>
    Task<IReadOnlyList<StoredRuleSet>> ListAsync(CancellationToken cancellationToken);

    /// <summary>False when the number is already taken (a concurrent publisher won it).</summary>
    Task<bool> TryAddAsync(StoredRuleSet ruleSet, CancellationToken cancellationToken);
}
