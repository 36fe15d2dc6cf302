using System.Text.RegularExpressions;
using Referrals.ProviderDirectory.Import.Contacts;
using Referrals.Reference;

namespace Referrals.ProviderDirectory.Import.Annex3;

/// <summary>Seed 004 Annex 3: municipality, office name and labelled contact lines, with page furniture removed.</summary>
internal static partial class Annex3Importer
{
    public static bool Looks(IReadOnlyList<string> lines) =>
        lines.Any(l => l.Contains("3.pielikums. Pašvaldību sociālo dienestu kontaktinformācija", StringComparison.Ordinal));

    private sealed class Draft
    {
        public required string Municipality { get; init; }
        public required int Line { get; init; }
        public List<string> Name { get; } = [];
        public Dictionary<string, List<(string Text, int Line)>> Fields { get; } = new(StringComparer.Ordinal);
    }

    public static OfficesResult Import(string sourceName, IReadOnlyList<string> lines, Action<string>? progress = null)
    {
        var start = lines.ToList().FindIndex(l => l.Contains("3.pielikums. Pašvaldību sociālo dienestu kontaktinformācija", StringComparison.Ordinal));
        var drafts = new List<Draft>();
        Draft? current = null;
        string? field = null;
        var afterBreak = false;
        var pendingMunicipality = new List<(string Text, int Line)>();
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (AnnexEnd().IsMatch(line))
            {
                break;
            }

            if (line == "Pilsētas,")
            {
                while (i < lines.Count && !lines[i].Contains("Sociālā dienesta kontaktinformācija", StringComparison.Ordinal))
                {
                    i++;
                }

                afterBreak = true;
                continue;
            }

            // The extraction appends each page's hyperlinks (tel:, mailto:, URLs) after the page.
            if (line.StartsWith("tel:", StringComparison.Ordinal) || line.StartsWith("mailto:", StringComparison.Ordinal)
                || (line.StartsWith("http", StringComparison.Ordinal) && !(field == "vietne" && current!.Fields["vietne"][^1].Text.Length == 0)))
            {
                afterBreak = true;
                continue;
            }

            var label = Label().Match(line);
            if (label.Success && current is not null)
            {
                field = label.Groups[1].Value.ToLowerInvariant() switch
                {
                    var l when l.StartsWith("adrese", StringComparison.Ordinal) => "adrese",
                    var l when l.StartsWith("kontakt", StringComparison.Ordinal) => "talrunis",
                    var l when l.StartsWith("e-pasts", StringComparison.Ordinal) => "epasts",
                    _ => "vietne",
                };
                if (!current.Fields.TryGetValue(field, out var values))
                {
                    current.Fields[field] = values = [];
                }

                var value = line[label.Length..].Trim();
                values.Add((value, i + 1));
                afterBreak = false;
                continue;
            }

            // Every entry ends with its web site, so a municipality heading can only follow one.
            var canStartEntry = current is null || current.Fields.GetValueOrDefault("vietne", []).Any(v => v.Text.Length > 0);
            if (canStartEntry && (pendingMunicipality.Count > 0 || StartsMunicipality(line)))
            {
                pendingMunicipality.Add((line, i + 1));
                var (municipality, remainder) = MatchMunicipality(pendingMunicipality);
                if (municipality is null)
                {
                    continue;
                }

                current = new Draft { Municipality = municipality, Line = pendingMunicipality[0].Line };
                if (remainder.Length > 0)
                {
                    current.Name.Add(remainder);
                }

                pendingMunicipality.Clear();
                drafts.Add(current);
                field = null;
                afterBreak = false;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (field is null || (afterBreak && !line.Contains('/', StringComparison.Ordinal) && !line.Contains("LV", StringComparison.Ordinal)))
            {
                // Before the labelled lines, or resumed after a page break: the office name (Daugavpils, Kuldīga).
                current.Name.Add(line);
                continue;
            }

            var open = current.Fields[field];
            var last = open[^1].Text;
            if (field == "adrese" && PostalCodeAtEnd().IsMatch(last))
            {
                open.Add((line, i + 1));
            }
            else
            {
                var glue = field == "vietne" || last.EndsWith('-') || last.Length == 0 ? "" : " ";
                open[^1] = (last + glue + line, open[^1].Line);
            }
        }

        var defects = new List<Defect>();
        var offices = drafts.Select((d, n) => Build(d, n + 1, defects)).ToList();
        foreach (var o in offices)
        {
            progress?.Invoke($"office {o.MunicipalityLabel}: {o.Name}");
        }

        foreach (var missing in Municipalities.All.Where(m => offices.All(o => o.MunicipalityCode != m.Code)))
        {
            defects.Add(new Defect(missing.Code, 0, "municipality-without-office", missing.NameLv));
        }

        return new OfficesResult(sourceName, offices, defects);
    }

    private static SocialServiceOffice Build(Draft d, int ordinal, List<Defect> defects)
    {
        var name = JoinSplitWord(Text.CollapseSpaces(string.Join(' ', d.Name)), d.Municipality);
        var municipality = Municipalities.All.FirstOrDefault(m => Squash(m.NameLv) == Squash(d.Municipality));
        var key = Text.Slug(d.Municipality);
        var addresses = d.Fields.GetValueOrDefault("adrese", [])
            .SelectMany(a => AddressAnd().Split(Text.Normalize(a.Text)))
            .Select(a => a.Trim().TrimEnd(',', '.').Trim())
            .Where(a => a.Length > 0)
            .ToList();
        var postal = addresses.SelectMany(a => PostalCode().Matches(a).Select(m => "LV-" + m.Groups[1].Value)).ToList();
        if (postal.Count == 0)
        {
            defects.Add(new Defect(key, d.Line, "postal-code-missing", string.Join(" | ", addresses)));
        }

        var phones = new List<PhoneNumber>();
        foreach (var (text, line) in d.Fields.GetValueOrDefault("talrunis", []))
        {
            foreach (Match m in PhoneRun().Matches(text))
            {
                var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
                var phone = ContactParser.ToPhone(digits, m.Value.Trim(), "voice", key, line, defects);
                var printedNote = PhoneNote().Match(text[(m.Index + m.Length)..]);
                phones.Add(printedNote.Success ? phone with { Note = printedNote.Groups[1].Value } : phone);
            }
        }

        var emails = new List<string>();
        foreach (var (text, line) in d.Fields.GetValueOrDefault("epasts", []))
        {
            foreach (var email in text.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries).Where(e => e.Contains('@', StringComparison.Ordinal)))
            {
                // Named staff mailboxes are personal data (children-services-004 §9.4): reported, not carried.
                if (PersonalMailbox().IsMatch(email) && !GenericWords.Any(w => email.Contains(w, StringComparison.OrdinalIgnoreCase)))
                {
                    defects.Add(new Defect(key, line, "personal-email-withheld", email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..]));
                    continue;
                }

                emails.Add(email);
            }
        }

        var sites = d.Fields.GetValueOrDefault("vietne", []).Select(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "")
            .Where(s => s.Length > 0).ToList();
        if (name.EndsWith("dienest", StringComparison.Ordinal))
        {
            defects.Add(new Defect(key, d.Line, "name-truncated", name));
        }

        string? note = null;
        var code = municipality?.Code;
        if (code == "LV-041" && emails.Any(e => e.EndsWith("jelgava.lv", StringComparison.Ordinal)) && name.StartsWith("Jelgavas sociālo lietu", StringComparison.Ordinal))
        {
            // Labelled "Jelgavas novads" but the office, address and domain are Jelgava state city's (004 §9.3).
            code = "LV-JEL";
            note = "Source labels this row 'Jelgavas novads', but the office (Jelgavas sociālo lietu pārvalde), its e-mail domain and web site belong to Jelgava state city; assigned to LV-JEL. Jelgavas novads (LV-041) has no office in the annex.";
            defects.Add(new Defect(key, d.Line, "municipality-label-contradicts-office", note));
        }

        if (code is null)
        {
            defects.Add(new Defect(key, d.Line, "municipality-unknown", d.Municipality));
        }

        return new SocialServiceOffice(key, d.Line, d.Municipality, code, name, addresses, postal, phones, emails, sites, note);
    }

    /// <summary>"Dienvidkurze" / "mes novada": a word the PDF broke like the municipality heading is rejoined.</summary>
    private static string JoinSplitWord(string name, string municipality)
    {
        var words = name.Split(' ');
        var stem = Squash(municipality.Split(' ')[0])[..^1];
        if (words.Length > 1 && !Squash(words[0]).StartsWith(stem, StringComparison.Ordinal)
            && Squash(words[0] + words[1]).StartsWith(stem, StringComparison.Ordinal))
        {
            return words[0] + string.Join(' ', words.Skip(1));
        }

        return name;
    }

    private static bool StartsMunicipality(string line) =>
        char.IsUpper(line[0]) && Municipalities.All.Any(m =>
            Squash(m.NameLv).StartsWith(Squash(line), StringComparison.Ordinal) || Squash(line).StartsWith(Squash(m.NameLv), StringComparison.Ordinal)
            || Squash(m.NameLv).StartsWith(Squash(line.Split(' ')[0]), StringComparison.Ordinal) && line.Split(' ').Length == 1);

    /// <summary>Finds a municipality name at the start of the pending lines (names may be split, even mid-word).</summary>
    private static (string? Municipality, string Remainder) MatchMunicipality(List<(string Text, int Line)> pending)
    {
        var words = pending.SelectMany(p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var acc = "";
        for (var k = 0; k < words.Count; k++)
        {
            acc += words[k];
            var hit = Municipalities.All.FirstOrDefault(m => Squash(m.NameLv) == Squash(acc));
            if (hit is not null)
            {
                return (hit.NameLv, string.Join(' ', words.Skip(k + 1)));
            }
        }

        return (null, "");
    }

    private static readonly string[] GenericWords = ["social", "dienest", "soc.", "info", "pasts"];

    private static string Squash(string s) => Text.Fold(s).Replace(" ", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^(Adrese[^:]*:|Kontakttālrunis:?|e-pasts:|[Vv]ietne:)")]
    private static partial Regex Label();

    [GeneratedRegex(@"^\s*\(([^)]+)\)")]
    private static partial Regex PhoneNote();

    [GeneratedRegex(@"^\s*4\.\s*pielikums")]
    private static partial Regex AnnexEnd();

    [GeneratedRegex(@"LV\s*[-–]?\s*(\d{4})\b")]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"LV\s*[-–]?\s*\d{4},?\s*$")]
    private static partial Regex PostalCodeAtEnd();

    [GeneratedRegex(@"\s+un\s+(?=\p{Lu})")]
    private static partial Regex AddressAnd();

    [GeneratedRegex(@"(\+371)?[\d ]{8,}\d|\d{8}")]
    private static partial Regex PhoneRun();

    [GeneratedRegex(@"^[a-zāčēģīķļņšūž]+\.[a-zāčēģīķļņšūž]+@", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalMailbox();
}
