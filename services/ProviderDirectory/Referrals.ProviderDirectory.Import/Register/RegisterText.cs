using System.Text.RegularExpressions;

namespace Referrals.ProviderDirectory.Import.Register;

/// <summary>
/// Turns part 1 of seed 000 into municipality sections of tokens: repeated column headers and page footers are
/// removed and leave a page-break mark, so the segmenter knows a row may continue in a different layout.
/// </summary>
internal static partial class RegisterText
{
    public static bool Looks(IReadOnlyList<string> lines) =>
        lines.Take(40).Any(l => l.Contains("Sociālo pakalpojumu sniedzēji", StringComparison.Ordinal))
        && lines.Any(l => HeaderStart().IsMatch(l));

    public static IReadOnlyList<Section> Sections(IReadOnlyList<string> lines)
    {
        var sections = new List<Section>();
        List<Token>? tokens = null;
        (int Number, string Name, int Line) current = (0, "", 0);
        var gap = Gap.BlankLine;
        var inHeader = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (inHeader)
            {
                inHeader = !trimmed.StartsWith("adrese, u.c.", StringComparison.Ordinal);
                continue;
            }

            if (HeaderStart().IsMatch(line))
            {
                inHeader = true;
                gap = Gap.PageBreak;
                continue;
            }

            if (IsFooter(trimmed, lines, i))
            {
                gap = Gap.PageBreak;
                continue;
            }

            if (PartTwo().IsMatch(line))
            {
                break;
            }

            if (trimmed.Length == 0)
            {
                gap = gap == Gap.PageBreak ? Gap.PageBreak : Gap.BlankLine;
                continue;
            }

            var heading = SectionHeading().Match(trimmed);
            if (heading.Success)
            {
                Close();
                current = (int.Parse(heading.Groups[1].Value), Text.Normalize(heading.Groups[2].Value), i + 1);
                tokens = [];
                gap = Gap.BlankLine;
                continue;
            }

            if (tokens is null)
            {
                continue;
            }

            var first = true;
            foreach (var word in trimmed.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.Add(new Token(word, i + 1, first ? gap : Gap.MidLine));
                first = false;
            }

            gap = Gap.LineBreak;
        }

        Close();
        return sections;

        void Close()
        {
            if (tokens is { Count: > 0 })
            {
                sections.Add(new Section(current.Number, current.Name, current.Line, tokens));
            }
        }
    }

    private static bool IsFooter(string trimmed, IReadOnlyList<string> lines, int i)
    {
        if (trimmed.StartsWith("IEGULDĪJUMS TAVĀ NĀKOTNĒ", StringComparison.Ordinal)
            || trimmed.StartsWith("Latgales plānošanas reģiona sociālo pakalpojumu attīstības programma", StringComparison.Ordinal)
            || RevisionLine().IsMatch(trimmed))
        {
            return true;
        }

        // A bare page number is only furniture right after the edition line of a footer.
        if (PageNumber().IsMatch(trimmed))
        {
            for (var k = i - 1; k >= 0 && k >= i - 3; k--)
            {
                if (RevisionLine().IsMatch(lines[k].Trim()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s*Institūcija Pakalpojuma\s*$")]
    private static partial Regex HeaderStart();

    [GeneratedRegex(@"^(\d{1,2})\.\s*(\p{L}+ (?:pilsēta|novads))\s*$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\s*2\. Valsts institūcijas")]
    private static partial Regex PartTwo();

    [GeneratedRegex(@"^(Pirmā )?[Rr]edakcija, \d{2}/\d{2}/\d{4}$")]
    private static partial Regex RevisionLine();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex PageNumber();
}
