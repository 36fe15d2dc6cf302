namespace Referrals.Eligibility.Rules;

/// <summary>
/// Where a rule comes from, so a social worker or auditor can check it: a seed file with physical line numbers
/// (as cited in /shared/domain), and/or a legal act. <paramref name="Note"/> says how the source was read.
/// </summary>
public sealed record RuleSource(string? Seed, string? Lines, string? LegalAct, string? Note = null);
