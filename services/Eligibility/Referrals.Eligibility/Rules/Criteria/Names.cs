using Referrals.Reference;

namespace Referrals.Eligibility.Rules.Criteria;

/// <summary>Vocabulary codes as the words a social worker reads; an unknown code is shown as itself.</summary>
internal static class Names
{
    public static (string Lv, string En) Municipality(string code) =>
        Reference.Municipalities.Find(code) is { } m ? (m.NameLv, m.NameEn) : (code, code);

    public static (string Lv, string En) Of(IReadOnlyList<Term> vocabulary, string code) =>
        vocabulary.FirstOrDefault(t => t.Code == code) is { } t ? (t.NameLv, t.NameEn) : (code, code);

    public static (string Lv, string En) List(IReadOnlyList<Term> vocabulary, IEnumerable<string> codes)
    {
        var names = codes.Select(c => Of(vocabulary, c)).ToList();
        return (string.Join(", ", names.Select(n => n.Lv)), string.Join(", ", names.Select(n => n.En)));
    }

    public static bool IsIn(IReadOnlyList<Term> vocabulary, string code) => vocabulary.Any(t => t.Code == code);

    /// <summary>A non-empty list of known codes: field-keyed problems for an empty list and each unknown entry.</summary>
    public static IEnumerable<RuleProblem> CodeProblems(
        string field, IReadOnlyList<string>? codes, Func<string, bool> isKnown, string what, bool allowEmpty = false)
    {
        if (codes is null || codes.Count == 0)
        {
            if (!allowEmpty)
            {
                yield return new(field, $"at least one {what} is required");
            }

            yield break;
        }

        for (var i = 0; i < codes.Count; i++)
        {
            if (string.IsNullOrEmpty(codes[i]) || !isKnown(codes[i]))
            {
                yield return new($"{field}[{i}]", $"unknown {what} '{codes[i]}'");
            }
        }
    }

    public static IEnumerable<string> Unknown(IReadOnlyList<Term> vocabulary, IEnumerable<string> codes) =>
        codes.Where(c => vocabulary.All(t => t.Code != c));
}
