using Referrals.ProviderDirectory.Import.Vocabularies;

namespace Referrals.ProviderDirectory.Import.Register;

/// <summary>
/// Splits a municipality section into rows and cells by dynamic programming over its tokens. Every span of tokens is
/// assigned to one column; columns advance in reading order (name, kind, address, provider type, clients, client
/// groups, legal status, contacts) and wrap to the next row. Closed-vocabulary columns must match their vocabulary,
/// free-text columns are scored by what their tokens look like, and cell changes are cheap at blank lines and dearer
/// inside a line. At a page break a row may resume an earlier column once (the PDF extraction flattens the first line
/// of every cell before the break and prints the rest after the repeated header); columns keep their order, a cut
/// vocabulary cell continues with the tail of an entry, and every column of a row must be filled (or pay to skip).
/// </summary>
internal sealed partial class RowSegmenter
{
    private const double Inf = double.PositiveInfinity;
    private const double SkipColumn = 5;
    private const double JumpBack = 0.5;
    private const double Partial = 1.5;
    private const double PartialPhrase = 1;
    private const double ContactNoise = 1.5;
    private const double StayAcrossBlank = 1.5;
    private const int Near = 60;

    private static readonly int[] MaxLength = [45, 6, 30, 10, 25, 140, 6, 45];

    private readonly IReadOnlyList<Token> tokens;
    private readonly bool[] contact;
    private readonly bool[] kindWord;
    private readonly string[] folded;
    private readonly int[] nextBreakAfter;
    private readonly bool[] lastLineBeforeBreak;

    public RowSegmenter(IReadOnlyList<Token> tokens)
    {
        this.tokens = tokens;
        contact = tokens.Select(t => TokenTraits.IsContact(t.Text)).ToArray();
        for (var k = 1; k < tokens.Count; k++)
        {
            // The tail of an e-mail address cut by a line break (".lv", "ollo.lv", "v") belongs with it.
            contact[k] |= tokens[k - 1].Text.Contains('@', StringComparison.Ordinal) && TokenTraits.IsDomainTail(tokens[k].Text);
        }

        kindWord = tokens.Select(t => TokenTraits.IsKindWord(t.Text)).ToArray();
        folded = tokens.Select(t => TokenTraits.Fold(t.Text)).ToArray();
        var n = tokens.Count;
        lastLineBeforeBreak = new bool[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var endsLine = i == n - 1 || tokens[i + 1].Before != Gap.MidLine;
            lastLineBeforeBreak[i] = endsLine
                ? i == n - 1 || tokens[i + 1].Before == Gap.PageBreak
                : lastLineBeforeBreak[i + 1];
        }

        nextBreakAfter = new int[n + 1];
        var next = int.MaxValue / 2;
        for (var i = n; i >= 0; i--)
        {
            nextBreakAfter[i] = next;
            if (i < n && tokens[i].Before == Gap.PageBreak)
            {
                next = i;
            }
        }
    }

    public IReadOnlyList<RowCells> Segment()
    {
        var n = tokens.Count;
        // State: current column, the furthest column this row has reached, whether the current span continues a column
        // that already has text from before a page break (then the cells of a flattened row follow in order), and
        // whether this row has already resumed an earlier column once.
        const int states = 8 * 8 * 2 * 2;
        var dp = new double[n + 1, states];
        var back = new (int From, int State, bool NewRow)[n + 1, states];
        for (var i = 0; i <= n; i++)
        {
            for (var s = 0; s < states; s++)
            {
                dp[i, s] = Inf;
            }
        }

        // The section starts with the first row's name.
        Relax(0, -1, 0, 0, false, false, 0, newRow: true);
        for (var i = 1; i < n; i++)
        {
            var gap = tokens[i].Before;
            for (var s = 0; s < states; s++)
            {
                if (double.IsPositiveInfinity(dp[i, s]))
                {
                    continue;
                }

                var (col, reached, cont, jumped) = Decode(s);
                for (var target = col + 1; target < 8; target++)
                {
                    // Later column of the same row; a column never filled in this row may only be skipped at a cost,
                    // and the service kind (the row's anchor) never.
                    var skip = 0.0;
                    for (var c = col + 1; c < target; c++)
                    {
                        skip += c <= reached ? 0 : c == (int)Column.Kind ? Inf : SkipColumn;
                    }

                    var revisit = target <= reached;
                    Relax(i, s, target, Math.Max(reached, target), revisit, jumped, dp[i, s] + skip + Change(gap, revisit || lastLineBeforeBreak[i]), newRow: false);
                }

                if (gap == Gap.PageBreak)
                {
                    // The same cell continues on the next page, or the row resumes an earlier column there, once: a row is
                    // shorter than a page, so it is never cut by two page breaks.
                    Relax(i, s, col, reached, true, jumped, dp[i, s], newRow: false);
                    for (var target = 0; target < col && !jumped; target++)
                    {
                        Relax(i, s, target, reached, true, true, dp[i, s] + JumpBack, newRow: false);
                    }
                }

                // Next row: every column of this one must have had its cell.
                if (reached > (int)Column.Kind)
                {
                    Relax(i, s, 0, 0, false, false, dp[i, s] + SkipColumn * (7 - reached) + Change(gap, lastLineBeforeBreak[i])
                        + (StartsLikeName(tokens[i].Text) ? 0 : 2), newRow: true);
                }
            }
        }

        var best = Inf;
        var bestState = -1;
        for (var s = 0; s < states; s++)
        {
            var end = dp[n, s] + SkipColumn * (7 - Decode(s).Reached);
            if (end < best)
            {
                best = end;
                bestState = s;
            }
        }

        if (bestState < 0)
        {
            throw new InvalidOperationException("The section could not be split into rows.");
        }

        var spans = new List<(int Start, int End, int Column, bool NewRow)>();
        for (int j = n, s = bestState; j > 0;)
        {
            var (from, prev, newRow) = back[j, s];
            spans.Add((from, j, Decode(s).Column, newRow));
            j = from;
            s = prev;
        }

        spans.Reverse();
        var rows = new List<RowCells>();
        foreach (var (start, end, column, newRow) in spans)
        {
            if (newRow)
            {
                rows.Add(new RowCells());
            }

            rows[^1].Cells[column].AddRange(tokens.Skip(start).Take(end - start));
        }

        return rows;

        void Relax(int i, int fromState, int column, int reached, bool cont, bool jumped, double baseCost, bool newRow)
        {
            if (double.IsPositiveInfinity(baseCost))
            {
                return;
            }

            var target = Encode(column, reached, cont, jumped);
            var interior = 0.0;
            var limit = Math.Min(n, i + MaxLength[column]);
            for (var j = i + 1; j <= limit; j++)
            {
                if (j - 1 > i)
                {
                    var g = tokens[j - 1].Before;
                    if (g == Gap.PageBreak)
                    {
                        break;
                    }

                    if (g == Gap.BlankLine)
                    {
                        interior += StayAcrossBlank;
                    }
                }

                var span = SpanCost((Column)column, i, j, cont);
                if (double.IsPositiveInfinity(span))
                {
                    if (IsFreeText((Column)column))
                    {
                        break;
                    }

                    continue;
                }

                var total = baseCost + interior + span;
                if (total < dp[j, target])
                {
                    dp[j, target] = total;
                    back[j, target] = (i, fromState, newRow);
                }
            }
        }
    }

    private static int Encode(int column, int reached, bool cont, bool jumped) => ((column * 8 + reached) * 2 + (cont ? 1 : 0)) * 2 + (jumped ? 1 : 0);

    private static (int Column, int Reached, bool Cont, bool Jumped) Decode(int state) =>
        (state / 32, state / 4 % 8, state / 2 % 2 == 1, state % 2 == 1);

    /// <summary>Institution names start with a capital, possibly after an opening quote ("SIA „Līvānu slimnīca”").</summary>
    private static bool StartsLikeName(string token)
    {
        var first = token.FirstOrDefault(char.IsLetterOrDigit);
        return first != default && char.IsUpper(first) && token[0] != '(';
    }

    private static bool IsFreeText(Column c) => c is Column.Name or Column.Address or Column.ClientGroups or Column.Contacts;

    private static double Change(Gap gap, bool cont) => gap switch
    {
        Gap.MidLine => cont ? 0.7 : 2,
        Gap.LineBreak => cont ? 0.5 : 1,
        _ => 0,
    };

    private double SpanCost(Column column, int i, int j, bool cont)
    {
        switch (column)
        {
            case Column.Name:
            {
                if (AnyOf(i, j, k => contact[k] || kindWord[k]))
                {
                    return Inf;
                }

                var cost = Unbalanced(i, j);
                for (var k = i; k < j; k++)
                {
                    cost += NameNoise(k);
                }

                return cost;
            }
            case Column.Address:
            {
                if (AnyOf(i, j, k => kindWord[k]))
                {
                    return Inf;
                }

                var cost = Unbalanced(i, j);
                // A lone place name ("Rekava") is an address; a lone vocabulary word is not.
                var addressLike = j - i == 1 && char.IsUpper(tokens[i].Text[0]) && !CellStarters.Contains(folded[i]);
                var afterPostcode = false;
                for (var k = i; k < j; k++)
                {
                    var t = tokens[k].Text;
                    addressLike |= AddressWord(k) || t.Any(char.IsAsciiDigit);
                    // Nothing follows the postal code but, once, the office's phone and fax (seed 000 §5.6).
                    cost += contact[k] ? 1 : afterPostcode ? 2 : 0;
                    cost += char.IsUpper(t[0]) ? -0.3 : 0;
                    cost += CellStarters.Contains(folded[k]) ? 1.5 : 0;
                    cost += char.IsLower(t[0]) && !AddressWord(k) ? 1 : 0;
                    afterPostcode |= Postcode(k);
                }

                return addressLike ? cost : cost + 6;
            }

            case Column.ClientGroups:
            {
                if (AnyOf(i, j, k => contact[k] || kindWord[k]))
                {
                    return Inf;
                }

                var cost = Unbalanced(i, j);
                for (var k = i; k < j; k++)
                {
                    cost += ClientCellOnly.Contains(folded[k].Trim('(', ')')) ? 1.5 : 0.05;
                    cost += Postcode(k) ? 3 : 0;
                    cost += LegalWords.Contains(folded[k]) ? 2.5 : 0;
                }

                return cost;
            }
            case Column.Contacts:
            {
                if (!contact[i])
                {
                    return Inf;
                }

                var cost = 0.0;
                var depth = 0;
                for (var k = i; k < j; k++)
                {
                    // A note in brackets after a number ("(uzturēšanās diennakts izmaksas …)") is part of the contacts.
                    depth += tokens[k].Text.Count(c => c == '(');
                    cost += contact[k] ? 0 : depth > 0 ? 0.3 : ContactNoise;
                    depth = Math.Max(0, depth - tokens[k].Text.Count(c => c == ')'));
                    cost += Postcode(k) ? 2 : 0;
                    cost += folded[k] is "iestāde" or "struktūrvienība" or "institūcija" ? 2 : 0;
                }

                return cost;
            }

            case Column.Kind:
            {
                // A complete service-kind cell after a page break starts a new row; only its tail may continue one.
                var kind = Closed(ServiceKinds.Vocabulary, i, j, cont);
                if (kind > 0 && folded[i] is "ar" or "bez" && tokens[i].Text is not ("Ar" or "Bez"))
                {
                    return Inf;
                }

                return cont && kind == 0 ? Inf : kind;
            }
            case Column.ProviderType:
                return Closed(ProviderTypes.Vocabulary, i, j, cont);
            case Column.LegalStatus:
                return Closed(LegalStatuses.Vocabulary, i, j, cont);
            case Column.Clients:
            {
                for (var k = i; k < j; k++)
                {
                    if (!TokenTraits.IsClientWord(tokens[k].Text))
                    {
                        return Inf;
                    }
                }

                // A whole cell follows the clients grammar; a part of one is only plausible around a page break.
                var clients = ClientProfiles.IsWholeCell(Import.Text.Join(tokens.Skip(i).Take(j - i).Select(t => t.Text))) ? 0
                    : cont ? 0 : nextBreakAfter[j - 1] - (j - 1) < Near ? 0.5 : Inf;
                if (double.IsPositiveInfinity(clients))
                {
                    return Inf;
                }

                clients += Unbalanced(i, j);
                for (var k = i + 1; k < j; k++)
                {
                    // A capitalised clients word inside the cell starts another cell ("Pilngadīgas Personas ar …").
                    clients += char.IsUpper(tokens[k].Text[0]) && ClientProfiles.Words.Contains(folded[k].Trim('(', ')')) ? 1.5 : 0;
                }

                if (TokenTraits.IsClientStarter(tokens[i].Text))
                {
                    return clients;
                }

                return cont ? clients : Inf;
            }

            default:
                return Inf;
        }

    }

    /// <summary>
    /// 0 for a whole vocabulary entry; a head of one is allowed just before a page break that will continue the cell,
    /// and a tail only where the cell is being continued after the break.
    /// </summary>
    private double Closed(Vocabulary vocabulary, int i, int j, bool cont)
    {
        var length = j - i;
        var best = Inf;
        foreach (var spelling in vocabulary.SpellingTokens)
        {
            if (length > spelling.Length)
            {
                continue;
            }

            if (length == spelling.Length && Matches(spelling, 0, i, j))
            {
                // A whole entry cannot continue a cell that already has text: that is the next row's cell.
                return cont ? Inf : 0;
            }

            if (length < spelling.Length)
            {
                var partial = length > 1 ? PartialPhrase : Partial;
                if (!cont && nextBreakAfter[j - 1] - (j - 1) < Near && Matches(spelling, 0, i, j))
                {
                    best = Math.Min(best, partial);
                }

                if (cont && Matches(spelling, spelling.Length - length, i, j))
                {
                    best = Math.Min(best, partial);
                }
            }
        }

        return best;
    }

    private bool Matches(string[] spelling, int offset, int i, int j)
    {
        for (var k = i; k < j; k++)
        {
            if (!string.Equals(spelling[offset + k - i].Trim(',', ';', '.', ':'), folded[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words only the legal-status column uses; client-group prose never contains them.</summary>
    private static readonly HashSet<string> LegalWords = new(StringComparer.Ordinal)
    {
        "iestāde", "struktūrvienība", "institūcija", "sia", "vsia", "pašvaldības", "pašvaldība", "biedrība", "nodibinājums", "reliģiska", "organizācija",
    };

    private static readonly HashSet<string> ClientCellOnly = new(StringComparer.Ordinal)
    {
        "vecumu", "dzimumu", "meitenes", "zēni", "sievietes", "vīrieši", "pilngadīgas",
    };

    /// <summary>First words of the closed-vocabulary cells; an address running into one has swallowed the next cell.</summary>
    private static readonly HashSet<string> CellStarters = ProviderTypes.Vocabulary.SpellingTokens
        .Concat(LegalStatuses.Vocabulary.SpellingTokens)
        .Select(t => t[0].Trim(',', ';', '.', ':'))
        .Concat(["bērni", "pilngadīgas", "visu", "invalīdi", "personas"])
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> AddressWords = new(StringComparer.Ordinal)
    {
        "iela", "ielā", "pagasts", "pag", "novads", "ciems", "c", "sādža", "aleja", "laukums", "rajons", "dzīvokļi", "lv", "lv-", "-", "–",
    };

    private bool AddressWord(int k) => AddressWords.Contains(folded[k]) || folded[k].StartsWith("lv", StringComparison.Ordinal);

    private bool Postcode(int k) => PostcodeToken().IsMatch(tokens[k].Text);

    /// <summary>Names rarely hold digits, address words or the words of the clients column.</summary>
    private double NameNoise(int k)
    {
        var f = folded[k];
        if (tokens[k].Text is "Ar" or "Bez")
        {
            return 2;
        }

        if (tokens[k].Text.Any(char.IsAsciiDigit) || f is "institūcija")
        {
            return 2;
        }

        if (f is "novads" or "pagasts" || f.StartsWith("lv-", StringComparison.Ordinal))
        {
            return 1;
        }

        var w = f.Trim('(', ')');
        return w is not ("un" or "ar" or "-") && ClientProfiles.Words.Contains(w) && char.IsLower(tokens[k].Text[0]) ? 0.5 : 0;
    }

    private double Unbalanced(int i, int j)
    {
        var depth = 0;
        for (var k = i; k < j; k++)
        {
            foreach (var ch in tokens[k].Text)
            {
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            }
        }

        return depth == 0 ? 0 : 2;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(LV-?)?\d{4},?$")]
    private static partial System.Text.RegularExpressions.Regex PostcodeToken();

    private static bool AnyOf(int i, int j, Func<int, bool> predicate)
    {
        for (var k = i; k < j; k++)
        {
            if (predicate(k))
            {
                return true;
            }
        }

        return false;
    }
}
