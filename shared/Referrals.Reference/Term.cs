namespace Referrals.Reference;

/// <summary>A coded vocabulary entry with its Latvian and English names.</summary>
public sealed record Term(string Code, string NameLv, string NameEn);
