using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Referrals.ProviderDirectory.Import.Contacts;

/// <summary>A phone as printed (Source) and normalised (E164, null when it cannot be resolved without guessing).</summary>
public sealed record PhoneNumber(string Source, string? E164, string Type, bool Legacy)
{
    /// <summary>Free note printed next to the number, e.g. the town it serves.</summary>
    public string? Note { get; init; }
}

public sealed record ContactDetails(IReadOnlyList<PhoneNumber> Phones, IReadOnlyList<string> Emails, IReadOnlyList<string> Websites);

/// <summary>Phones (E.164 via libphonenumber), e-mails rejoined across line breaks, web sites; problems become defects.</summary>
internal static partial class ContactParser
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static ContactDetails Parse(IReadOnlyList<(string Text, int Line)> tokens, string key, List<Defect> defects)
    {
        var phones = new List<PhoneNumber>();
        var emails = new List<string>();
        var sites = new List<string>();
        var label = "voice";
        var pendingDigits = "";
        var pendingSource = "";
        var pendingLine = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var (t, line) = tokens[i];
            var lower = t.ToLowerInvariant();
            if (IsLabel(lower))
            {
                // A label ends the number before it, so the number keeps the label it was printed under.
                Flush();
            }

            if (lower.StartsWith("tālr./fakss", StringComparison.Ordinal))
            {
                label = "voice-fax";
            }
            else if (lower.StartsWith("fakss", StringComparison.Ordinal) || lower.StartsWith("fax", StringComparison.Ordinal))
            {
                label = "fax";
            }
            else if (lower.StartsWith("tālr", StringComparison.Ordinal) || lower == "mob.")
            {
                label = "voice";
            }

            if (t.Contains('@', StringComparison.Ordinal))
            {
                Flush();
                var email = t.Trim(',', ';', '.');
                // Rejoin an address whose domain was cut by a line break ("…@ap" / "ollo.lv", "…@inbox.l" / "v").
                while (!CompleteDomain(email) && i + 1 < tokens.Count && DomainTail().IsMatch(tokens[i + 1].Text))
                {
                    email += tokens[++i].Text.Trim(',', ';');
                    email = email.TrimEnd('.');
                }

                emails.Add(email);
                if (!CompleteDomain(email))
                {
                    defects.Add(new Defect(key, line, "email-incomplete-domain", email));
                }

                continue;
            }

            if (lower.StartsWith("www.", StringComparison.Ordinal) || lower.StartsWith("http", StringComparison.Ordinal))
            {
                Flush();
                sites.Add(t.Trim(',', ';'));
                continue;
            }

            foreach (var part in t.Split(';', ','))
            {
                var digits = new string(part.Where(char.IsAsciiDigit).ToArray());
                if (digits.Length == 0 || (part.Any(char.IsLetter) && !part.StartsWith("Tālr", StringComparison.OrdinalIgnoreCase)
                    && !part.StartsWith("Fax", StringComparison.OrdinalIgnoreCase)))
                {
                    if (digits.Length == 0 && part.Length > 0 && !part.EndsWith(':'))
                    {
                        Flush();
                    }

                    continue;
                }

                // A number split by a space or a line break ("6 5432176", "656" / "53396") is rejoined up to 8 digits.
                if (pendingDigits.Length > 0 && pendingDigits.Length < 7 && pendingDigits.Length + digits.Length <= 8)
                {
                    pendingDigits += digits;
                    pendingSource += " " + part;
                    continue;
                }

                Flush();
                pendingDigits = digits;
                pendingSource = new string(part.SkipWhile(c => !char.IsAsciiDigit(c) && c != '+').ToArray());
                pendingLine = line;
                if (t.EndsWith(',') || t.EndsWith(';') || part != t.Split(';', ',')[^1])
                {
                    Flush();
                }
            }
        }

        Flush();
        return new ContactDetails(phones, emails, sites);

        void Flush()
        {
            if (pendingDigits.Length == 0)
            {
                return;
            }

            if (pendingDigits.Length >= 6 && !(pendingDigits.Length == 6 && pendingDigits.StartsWith('6')) || pendingDigits.Length == 7)
            {
                phones.Add(ToPhone(pendingDigits, pendingSource, label, key, pendingLine, defects));
            }

            pendingDigits = "";
            pendingSource = "";
        }
    }

    public static PhoneNumber ToPhone(string digits, string source, string type, string key, int line, List<Defect> defects)
    {
        if (digits.StartsWith("371", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = digits[3..];
        }

        if (digits.Length == 7 && digits[0] is '6' or '2')
        {
            // Already carries a post-2007 leading digit, so it is a modern number missing a digit, not a legacy one.
            defects.Add(new Defect(key, line, "phone-7-digit-ambiguous", source));
            return new PhoneNumber(source, null, type, Legacy: false);
        }

        if (digits.Length == 7)
        {
            // Pre-2007 plan: fixed lines gained a leading 6 (2007–2008), mobiles a leading 2 (2006). The register
            // (2010) still prints some old 7-digit fixed-line numbers; the new form is derived, the source kept.
            var candidate = "6" + digits;
            var valid = Valid(candidate);
            defects.Add(new Defect(key, line, valid is null ? "phone-7-digit-unresolved" : "phone-7-digit-legacy", source));
            return new PhoneNumber(source, valid, type, Legacy: true);
        }

        var e164 = Valid(digits);
        if (e164 is null)
        {
            defects.Add(new Defect(key, line, "phone-invalid", source));
        }

        return new PhoneNumber(source, e164, type, Legacy: false);
    }

    private static bool IsLabel(string lower) =>
        lower.StartsWith("tālr", StringComparison.Ordinal) || lower.StartsWith("fakss", StringComparison.Ordinal)
        || lower.StartsWith("fax", StringComparison.Ordinal) || lower == "mob." || lower.StartsWith("e-", StringComparison.Ordinal)
        || lower.StartsWith("e–", StringComparison.Ordinal) || lower == "vai";

    private static string? Valid(string digits)
    {
        try
        {
            var number = Util.Parse(digits, "LV");
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static bool CompleteDomain(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && domain.Length - dot - 1 >= 2;
    }

    [GeneratedRegex(@"^\.?[a-z][a-z0-9.-]*[,;]?$|^\.[a-z]+$")]
    private static partial Regex DomainTail();
}
