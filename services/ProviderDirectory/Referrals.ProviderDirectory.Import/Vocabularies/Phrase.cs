using Referrals.Reference;

namespace Referrals.ProviderDirectory.Import.Vocabularies;

/// <summary>One spelling found in a source, mapped onto a taxonomy term code.</summary>
public sealed record Phrase(string Spelling, string Code);

/// <summary>A closed vocabulary: terms with Latvian and English names plus every source spelling mapped onto them.</summary>
public sealed class Vocabulary(IReadOnlyList<Term> terms, IReadOnlyList<Phrase> spellings)
{
    private readonly Dictionary<string, Phrase> bySpelling =
        spellings.ToDictionary(p => Text.Fold(p.Spelling), StringComparer.Ordinal);

    public IReadOnlyList<Term> Terms { get; } = terms;

    public IReadOnlyList<Phrase> Spellings { get; } = spellings;

    /// <summary>Folded token lists of every spelling, for prefix/suffix matching across page breaks.</summary>
    public IReadOnlyList<string[]> SpellingTokens { get; } =
        spellings.Select(p => Text.Fold(p.Spelling).Split(' ')).ToArray();

    public Phrase? Find(string text) => bySpelling.GetValueOrDefault(Text.Fold(text).TrimEnd('.', ',', ';'));

    public Term? Term(string code) => Terms.FirstOrDefault(t => t.Code == code);
}
