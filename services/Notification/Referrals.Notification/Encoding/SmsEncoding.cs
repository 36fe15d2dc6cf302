namespace Referrals.Notification.Encoding;

/// <summary>The alphabet, length in units and number of parts a text needs, counted as the network will (3GPP TS 23.038).</summary>
public sealed record SmsSize(SmsAlphabet Alphabet, int Units, int Segments);

/// <summary>
/// Counts SMS parts before sending, so the count is stored and a template that grows past its budget is caught by a test.
/// One character outside GSM-7 switches the whole text to UCS-2; there is no Latvian or Russian shift table.
/// </summary>
public static class SmsEncoding
{
    public const int Gsm7Single = 160;
    public const int Gsm7Part = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Part = 67;

    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Each of these is sent as ESC + code, so it costs two units.
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    public static SmsSize Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsGsm7(text) ? MeasureGsm7(text) : MeasureUcs2(text);
    }

    public static bool IsGsm7(string text) =>
        text.All(c => Gsm7Basic.Contains(c, StringComparison.Ordinal) || Gsm7Extension.Contains(c, StringComparison.Ordinal));

    private static SmsSize MeasureGsm7(string text)
    {
        var costs = text.Select(c => Gsm7Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1).ToList();
        return Pack(SmsAlphabet.Gsm7, costs, Gsm7Single, Gsm7Part);
    }

    private static SmsSize MeasureUcs2(string text)
    {
        // A character outside the Basic Multilingual Plane is a surrogate pair: two UCS-2 units, never split across parts.
        var costs = text.EnumerateRunes().Select(r => r.Utf16SequenceLength).ToList();
        return Pack(SmsAlphabet.Ucs2, costs, Ucs2Single, Ucs2Part);
    }

    private static SmsSize Pack(SmsAlphabet alphabet, List<int> costs, int single, int part)
    {
        var units = costs.Sum();
        if (units <= single)
        {
            return new SmsSize(alphabet, units, 1);
        }

        // Concatenated parts: an escape pair or a surrogate pair that does not fit moves whole to the next part.
        var segments = 1;
        var used = 0;
        foreach (var cost in costs)
        {
            if (used + cost > part)
            {
                segments++;
                used = 0;
            }

            used += cost;
        }

        return new SmsSize(alphabet, units, segments);
    }
}
