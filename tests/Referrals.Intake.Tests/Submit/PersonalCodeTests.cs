using Referrals.Intake.Submit;

namespace Referrals.Intake.Tests.Submit;

public sealed class PersonalCodeTests
{
    [Theory]
    [InlineData("161175-19997", "161175-19997", 1975, 11, 16)] // the worked example from standards.md §4.1
    [InlineData("16117519997", "161175-19997", 1975, 11, 16)] // hyphen optional
    [InlineData(" 161175-19997 ", "161175-19997", 1975, 11, 16)]
    [InlineData("290200-21239", "290200-21239", 2000, 2, 29)] // 2000 is a leap year
    [InlineData("311299-12345", "311299-12345", 1999, 12, 31)]
    [InlineData("010100-04561", "010100-04561", 1800, 1, 1)] // century digit 0
    [InlineData("300685-12342", "300685-12342", 1985, 6, 30)] // legacy code starting with 3 (day 30)
    [InlineData("150705-23459", "150705-23459", 2005, 7, 15)] // century digit 2
    public void Accepts_legacy_codes_and_reads_their_birth_date(string input, string normalised, int year, int month, int day)
    {
        var check = PersonalCode.Check(input);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PersonalCodeFormat.Legacy, check.Format);
        Assert.Equal(normalised, check.Normalised);
        Assert.Equal(new DateOnly(year, month, day), check.BirthDate);
    }

    [Theory]
    [InlineData("321234-56789")]
    [InlineData("32123456789")]
    [InlineData("391234-00000")] // second digit 2–9, not only 32; no checksum for the new format
    [InlineData("399999-99999")]
    public void Accepts_new_format_codes_without_checksum_or_date(string input)
    {
        var check = PersonalCode.Check(input);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(PersonalCodeFormat.New, check.Format);
        Assert.Null(check.BirthDate);
    }

    [Theory]
    [InlineData("161175-19998", "check digit")]
    [InlineData("161175-19990", "check digit")]
    [InlineData("290200-11233", "real date")] // 1900 was not a leap year (checksum is right)
    [InlineData("290201-21230", "real date")] // 2001 was not a leap year (checksum is right)
    [InlineData("310475-12345", "real date")] // 31 April
    [InlineData("001175-12345", "real date")]
    [InlineData("161375-12345", "real date")]
    [InlineData("300000-00000", "real date")]
    [InlineData("161175-39997", "century")]
    [InlineData("161175-99997", "century")]
    [InlineData("1611751999", "11 digits")]
    [InlineData("161175199970", "11 digits")]
    [InlineData("16-1175-19997", "11 digits")]
    [InlineData("1611-7519997", "11 digits")]
    [InlineData("16117A-19997", "11 digits")]
    [InlineData("", "11 digits")]
    [InlineData(null, "11 digits")]
    public void Refuses_with_a_reason_that_does_not_repeat_the_code(string? input, string reason)
    {
        var check = PersonalCode.Check(input);

        Assert.False(check.IsValid);
        Assert.Contains(reason, check.Error, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(input))
        {
            Assert.DoesNotContain(input.Trim(), check.Error, StringComparison.Ordinal);
        }
    }
}
