using System.Globalization;
using System.Text;

namespace Referrals.EndToEnd.Tests.Telemetry;

/// <summary>
/// One piece of personal data and every spelling of it worth looking for: as given, without diacritics (as an SMS or a
/// log sink might fold it), JSON-escaped (\uXXXX, as a JSON log line writes it), each in UTF-8 and UTF-16 (both byte
/// orders) for the binary exports.
/// </summary>
public sealed class PersonalValue
{
    private readonly List<(string Form, byte[] Bytes)> _binaryForms = [];

    public PersonalValue(string label, params string[] spellings)
    {
        Label = label;
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spelling in spellings)
        {
            texts.Add(spelling);
            texts.Add(WithoutDiacritics(spelling));
            texts.Add(JsonEscaped(spelling, upper: false));
            texts.Add(JsonEscaped(spelling, upper: true));
        }

        TextForms = [.. texts];
        foreach (var text in TextForms)
        {
            _binaryForms.Add(($"UTF-8 \"{text}\"", Encoding.UTF8.GetBytes(text)));
            _binaryForms.Add(($"UTF-16LE \"{text}\"", Encoding.Unicode.GetBytes(text)));
            _binaryForms.Add(($"UTF-16BE \"{text}\"", Encoding.BigEndianUnicode.GetBytes(text)));
        }
    }

    public string Label { get; }

    public IReadOnlyList<string> TextForms { get; }

    /// <summary>Where in <paramref name="body"/> a spelling occurs, as (form, offset); empty when none does.</summary>
    public IEnumerable<(string Form, int Offset)> FindIn(byte[] body)
    {
        foreach (var (form, bytes) in _binaryForms)
        {
            var offset = body.AsSpan().IndexOf(bytes);
            if (offset >= 0)
            {
                yield return (form, offset);
            }
        }
    }

    /// <summary>The spellings that occur in a line of text.</summary>
    public IEnumerable<string> FindIn(string line) => TextForms.Where(form => line.Contains(form, StringComparison.Ordinal));

    public static string WithoutDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .Normalize(NormalizationForm.FormC);
    }

    private static string JsonEscaped(string text, bool upper)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (c is > '~' or '+')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{((int)c).ToString(upper ? "X4" : "x4", CultureInfo.InvariantCulture)}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A printable window around a hit in a binary body (control bytes as '·').</summary>
    public static string Excerpt(byte[] body, int offset, int length)
    {
        var start = Math.Max(0, offset - 60);
        var end = Math.Min(body.Length, offset + length + 60);
        var text = Encoding.UTF8.GetString(body, start, end - start);
        return new string(text.Select(c => char.IsControl(c) ? '·' : c).ToArray());
    }
}
