using System.Text.RegularExpressions;
using Referrals.ProviderDirectory.Import.Contacts;
using Referrals.ProviderDirectory.Import.Vocabularies;

namespace Referrals.ProviderDirectory.Import.Register;

/// <summary>Seed 000 part 1 → providers. Values stay as the source says; problems are reported as defects.</summary>
internal static partial class RegisterImporter
{
    public static RegisterResult Import(string sourceName, IReadOnlyList<string> lines, Action<string>? progress = null)
    {
        var providers = new List<Provider>();
        var defects = new List<Defect>();
        foreach (var section in RegisterText.Sections(lines).OrderBy(s => s.Number))
        {
            var rows = new RowSegmenter(section.Tokens).Segment();
            progress?.Invoke($"section {section.Number,2} {section.Name}: {rows.Count} rows (l.{section.Line})");
            for (var r = 0; r < rows.Count; r++)
            {
                providers.Add(Build(section, r + 1, rows[r], defects));
            }
        }

        CrossRowChecks(providers, defects);
        return new RegisterResult(sourceName, providers, defects.OrderBy(d => d.Line).ThenBy(d => d.Kind, StringComparer.Ordinal).ToList());
    }

    private static Provider Build(Section section, int row, RowCells cells, List<Defect> defects)
    {
        var name = cells.Text(Column.Name);
        var key = $"{section.Number:00}-{row:00}-{Text.Slug(name)}";
        var kindText = cells.Text(Column.Kind);
        var ptypeText = cells.Text(Column.ProviderType);
        var legalText = cells.Text(Column.LegalStatus);
        var kind = ServiceKinds.Vocabulary.Find(kindText);
        var ptype = ProviderTypes.Vocabulary.Find(ptypeText);
        var legal = LegalStatuses.Vocabulary.Find(legalText);
        var first = cells.FirstLine;
        Check(kind, "service-kind-unknown", kindText, cells[Column.Kind]);
        Check(ptype, "provider-type-unknown", ptypeText, cells[Column.ProviderType]);
        Check(legal, "legal-status-unknown", legalText, cells[Column.LegalStatus]);

        var addressText = cells.Text(Column.Address);
        var addressLine = cells[Column.Address].Count > 0 ? cells[Column.Address][^1].Line : first;
        string? postal = null;
        var m = PostalCode().Match(addressText);
        if (m.Success)
        {
            postal = "LV-" + m.Groups[1].Value;
        }
        else if (TruncatedPostalCode().IsMatch(addressText))
        {
            defects.Add(new Defect(key, addressLine, "postal-code-truncated", addressText));
        }
        else
        {
            defects.Add(new Defect(key, addressLine, addressText.Length == 0 ? "address-missing" : "postal-code-missing", addressText));
        }

        foreach (Match novads in AddressNovads().Matches(addressText))
        {
            var stem = novads.Groups[1].Value;
            if (!section.Name.StartsWith(stem, StringComparison.Ordinal))
            {
                defects.Add(new Defect(key, addressLine, "address-contradicts-section", $"{novads.Value} in section {section.Number} {section.Name}"));
            }
        }

        // Phones printed inside the address cell (one row) are contacts too; they are reported, not hidden.
        var contacts = ContactParser.Parse(cells[Column.Contacts].Select(t => (t.Text, t.Line)).ToList(), key, defects);
        var addressContacts = cells[Column.Address].SkipWhile(t => !TokenTraits.IsContact(t.Text)).ToList();
        if (addressContacts.Count > 0)
        {
            defects.Add(new Defect(key, addressContacts[0].Line, "contacts-in-address-cell", string.Join(' ', addressContacts.Select(t => t.Text))));
            var inAddress = ContactParser.Parse(addressContacts.Select(t => (t.Text, t.Line)).ToList(), key, defects);
            contacts = new ContactDetails([.. inAddress.Phones, .. contacts.Phones], [.. inAddress.Emails, .. contacts.Emails], [.. inAddress.Websites, .. contacts.Websites]);
        }

        if (contacts.Phones.Count == 0 && contacts.Emails.Count == 0)
        {
            defects.Add(new Defect(key, first, "contacts-missing", cells.Text(Column.Contacts)));
        }

        var clientsText = cells.Text(Column.Clients);
        var groupsText = cells.Text(Column.ClientGroups);
        return new Provider(
            key,
            section.Number,
            section.Name,
            row,
            first,
            cells.LastLine,
            name,
            new Coded(kind?.Code, kindText),
            new Address(addressText, postal),
            new Coded(ptype?.Code, ptypeText),
            ProviderTypes.ServiceTypesOf(ptype?.Code),
            new Clients(clientsText, ClientProfiles.AgeGroupsOf(clientsText), ClientProfiles.GenderOf(clientsText)),
            groupsText,
            SplitGroups(GroupsWithLineItems(cells[Column.ClientGroups])).Select(p => new ClientGroupItem(p, ClientGroupPhrases.Map(p))).ToList(),
            new Coded(legal?.Code, legalText),
            cells.Text(Column.Contacts),
            contacts.Phones,
            contacts.Emails,
            contacts.Websites);

        void Check(Vocabularies.Phrase? phrase, string kindOfDefect, string text, List<Token> tokens)
        {
            if (phrase is null)
            {
                defects.Add(new Defect(key, tokens.Count > 0 ? tokens[0].Line : first, kindOfDefect, text));
            }
        }
    }

    private static readonly HashSet<string> ItemEnds = new(StringComparer.Ordinal)
    {
        "pensionāri", "invalīdi", "bāreņi", "personas/ģimenes", "bērni-invalīdi",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "ar", "un", "no", "vai", "kas", "kuri", "kuras", "bez",
    };

    /// <summary>
    /// Some lists have no separators but line breaks ("pensionāri" / "invalīdi" / "trūcīgas personas/ģimenes"); there a
    /// line break after an item word, followed by a lower-case word that is not a connector, separates items.
    /// </summary>
    internal static string GroupsWithLineItems(IReadOnlyList<Token> tokens)
    {
        var parts = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i].Text;
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            var itemBreak = next is not null && next.Before != Gap.MidLine && ItemEnds.Contains(t)
                && char.IsLower(next.Text[0]) && !Connectors.Contains(next.Text);
            parts.Add(itemBreak ? t + ";" : t);
        }

        return Text.Join(parts);
    }

    /// <summary>Items split at commas, semicolons and sentence ends, keeping relative clauses with their head.</summary>
    internal static IReadOnlyList<string> SplitGroups(string text)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            var separator = depth == 0 && (c is ',' or ';' || (c == '.' && i + 1 < text.Length && text[i + 1] == ' '));
            if (separator && !RelativeClause().IsMatch(text[(i + 1)..]))
            {
                items.Add(text[start..i]);
                start = i + 1;
            }
        }

        items.Add(text[start..]);
        return items.Select(p => p.Trim().TrimEnd('.', ',', ';').Trim()).Where(p => p.Length > 0).ToList();
    }

    private static void CrossRowChecks(List<Provider> providers, List<Defect> defects)
    {
        foreach (var p in providers)
        {
            // A state (Valsts) institution cannot be a municipal one (seed 000 §5.10, the Krastiņi branch).
            if (p.Name.StartsWith("Valsts", StringComparison.Ordinal) && p.LegalStatus.Code is { } code && code.StartsWith("municipal", StringComparison.Ordinal))
            {
                defects.Add(new Defect(p.Key, p.FirstLine, "legal-status-contradicts-name", $"{p.LegalStatus.Source} for {p.Name}"));
            }

            foreach (var email in p.Emails.Where(e => e.Any(c => c > 127)))
            {
                defects.Add(new Defect(p.Key, p.FirstLine, "email-non-ascii", email));
            }
        }

        // One phone for two differently named institutions is either a shared switchboard or a copied cell.
        foreach (var group in providers.SelectMany(p => p.Phones.Where(x => x.E164 is not null).Select(x => (Phone: x.E164!, Provider: p)))
                     .GroupBy(x => x.Phone, StringComparer.Ordinal))
        {
            var owners = group.Select(x => x.Provider).DistinctBy(p => p.Key).ToList();
            var firstWords = owners.Select(p => p.Name.Split(' ')[0]).Distinct(StringComparer.Ordinal).ToList();
            if (firstWords.Count > 1)
            {
                foreach (var p in owners.Skip(1).Where(p => p.Name.Split(' ')[0] != owners[0].Name.Split(' ')[0]))
                {
                    defects.Add(new Defect(p.Key, p.FirstLine, "phone-shared-across-institutions", $"{group.Key} also at {owners[0].Key}"));
                }
            }
        }

        // The same institution in two sections (seed 000 §5.10, the Balvi day centre).
        foreach (var group in providers.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Select(p => p.Section).Distinct().Count() > 1))
        {
            foreach (var p in group.Skip(1))
            {
                defects.Add(new Defect(p.Key, p.FirstLine, "institution-in-several-sections", $"also {group.First().Key}"));
            }
        }

        // The same e-mail in two different municipality sections is a copied contact cell (seed 000, §5.10).
        foreach (var group in providers.SelectMany(p => p.Emails.Select(e => (Email: e, Provider: p))).GroupBy(x => x.Email, StringComparer.OrdinalIgnoreCase))
        {
            var sections = group.Select(x => x.Provider.Section).Distinct().ToList();
            if (sections.Count > 1)
            {
                foreach (var (email, provider) in group.Where(x => x.Provider.Section != sections[0]))
                {
                    defects.Add(new Defect(provider.Key, provider.FirstLine, "contact-duplicated-from-other-section", email));
                }
            }
        }
    }

    [GeneratedRegex(@"LV\s*[-–]?\s*(\d{4})\b")]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"LV\s*[-–]?\s*$")]
    private static partial Regex TruncatedPostalCode();

    [GeneratedRegex(@"(\p{Lu}\p{Ll}+) novads")]
    private static partial Regex AddressNovads();

    // Relative clauses ("personas, kas cietušas…") and coordinated continuations stay with their head item.
    [GeneratedRegex(@"^\s*(?:kas|kuri|kuras|kurās|kurām|kuriem|kura|vai|tuvinieka)\b")]
    private static partial Regex RelativeClause();
}
