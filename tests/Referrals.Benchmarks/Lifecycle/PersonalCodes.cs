using System.Globalization;

namespace Referrals.Benchmarks.Lifecycle;

/// <summary>
/// Distinct valid legacy Latvian personal codes (DDMMYY-CNNNK) with their dates of birth, for born-in-1930s/40s clients
/// (the elderly group): checksum weights 1,6,3,7,9,10,5,8,4,2, check = (1101 − sum) mod 11 mod 10.
/// </summary>
internal static class PersonalCodes
{
    private static readonly int[] Weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The <paramref name="index"/>-th code: 1,000 serials per day from 1 Jan 1930 onwards (millions before repeating).</summary>
    public static (string PersonalCode, string DateOfBirth) Nth(long index)
    {
        var birth = new DateOnly(1930, 1, 1).AddDays((int)(index / 1000 % 7300));
        var serial = (int)(index % 1000);
        var first10 = birth.ToString("ddMMyy", CultureInfo.InvariantCulture) + "1" + serial.ToString("000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (first10[i] - '0') * Weights[i];
        }

        var check = (1101 - sum) % 11 % 10;
        var code = $"{first10[..6]}-{first10[6..]}{check}";
        return (code, birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
