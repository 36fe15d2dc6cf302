using System.Globalization;

namespace Referrals.Intake.Submit;

/// <summary>
/// The Latvian personal code (standards.md §4): legacy <c>DDMMYY-CNNNZ</c> with birth date, century digit and check
/// digit, or the 2017 format <c>3[2-9]xxxx-xxxxx</c>, whose check digit is not confirmed and so is not checked.
/// The hyphen after the sixth digit is optional. Messages never repeat the code itself.
/// </summary>
public static class PersonalCode
{
    private static readonly int[] Weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static PersonalCodeCheck Check(string? input)
    {
        var code = input?.Trim() ?? "";
        if (code.Length == 12 && code[6] == '-')
        {
            code = code.Remove(6, 1);
        }

        if (code.Length != 11 || !code.All(char.IsAsciiDigit))
        {
            return PersonalCodeCheck.Invalid("Must be 11 digits, written DDMMYY-CNNNZ (the hyphen is optional).");
        }

        var normalised = $"{code[..6]}-{code[6..]}";
        if (code[0] == '3' && code[1] is >= '2' and <= '9')
        {
            return new PersonalCodeCheck(true, PersonalCodeFormat.New, normalised, null, null);
        }

        var day = Number(code, 0);
        var month = Number(code, 2);
        var year = Number(code, 4);
        var century = code[6] switch
        {
            '0' => 1800,
            '1' => 1900,
            '2' => 2000,
            _ => -1,
        };
        if (century < 0)
        {
            return PersonalCodeCheck.Invalid("The 7th digit (century) must be 0, 1 or 2.");
        }

        year += century;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return PersonalCodeCheck.Invalid("The first six digits are not a real date (DDMMYY).");
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (code[i] - '0') * Weights[i];
        }

        // The largest possible sum is 9 × 55 = 495, so 1101 − sum stays positive and % is the plain modulo.
        var check = (1101 - sum) % 11 % 10;
        if (check != code[10] - '0')
        {
            return PersonalCodeCheck.Invalid("The check digit does not match.");
        }

        return new PersonalCodeCheck(true, PersonalCodeFormat.Legacy, normalised, new DateOnly(year, month, day), null);
    }

    private static int Number(string code, int start) =>
        int.Parse(code.AsSpan(start, 2), NumberStyles.None, CultureInfo.InvariantCulture);
}

public enum PersonalCodeFormat
{
    Legacy,
    New,
}

/// <param name="Normalised">DDMMYY-CNNNZ with the hyphen, when valid.</param>
/// <param name="BirthDate">Only for a legacy code: the date it encodes.</param>
public sealed record PersonalCodeCheck(bool IsValid, PersonalCodeFormat? Format, string? Normalised, DateOnly? BirthDate, string? Error)
{
    public static PersonalCodeCheck Invalid(string error) => new(false, null, null, null, error);
}
