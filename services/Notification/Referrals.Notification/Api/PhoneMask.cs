namespace Referrals.Notification.Api;

/// <summary>Enough of the number to recognise it ("+371 2••• ••01"), not enough to use it.</summary>
public static class PhoneMask
{
    private const char Dot = '•';

    public static string Mask(string e164)
    {
        var digits = e164.TrimStart('+');
        if (e164.StartsWith("+371", StringComparison.Ordinal) && digits.Length == 11)
        {
            return $"+371 {digits[3]}{new string(Dot, 3)} {new string(Dot, 2)}{digits[^2..]}";
        }

        // Foreign numbers: country-code-ish prefix and the last two digits only.
        return digits.Length <= 5
            ? new string(Dot, digits.Length)
            : $"+{digits[..3]} {new string(Dot, digits.Length - 5)}{digits[^2..]}";
    }
}
