namespace Referrals.ProviderDirectory.Import;

/// <summary>A problem found in the source text itself; the value is kept as the source says.</summary>
public sealed record Defect(string Key, int Line, string Kind, string Detail);
