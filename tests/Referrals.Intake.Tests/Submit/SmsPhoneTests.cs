using Referrals.Intake.Submit;

namespace Referrals.Intake.Tests.Submit;

public sealed class SmsPhoneTests
{
    [Theory]
    [InlineData("+37120000001", "+37120000001")]
    [InlineData("20000001", "+37120000001")] // default region LV
    [InlineData("2000 0001", "+37120000001")]
    [InlineData("+371 200 000 01", "+37120000001")]
    [InlineData("0037120000001", "+37120000001")]
    [InlineData("+37129123456", "+37129123456")]
    [InlineData("+37061234567", "+37061234567")] // a Lithuanian mobile
    public void Normalises_mobile_numbers_to_E164(string input, string e164)
    {
        var check = SmsPhone.Check(input);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(e164, check.E164);
    }

    [Theory]
    [InlineData("67000000", "landline")] // Latvian fixed line 6xxxxxxx
    [InlineData("+37165400000", "landline")]
    [InlineData("80001234", "cannot receive SMS")] // toll-free
    [InlineData("2000000", "valid")] // a 7-digit number from before 2006
    [InlineData("200000011", "valid")] // 9-digit typo
    [InlineData("12345", "valid")]
    [InlineData("not a phone", "phone number")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void Refuses_numbers_that_cannot_receive_SMS(string? input, string reason)
    {
        var check = SmsPhone.Check(input);

        Assert.False(check.IsValid);
        Assert.Null(check.E164);
        Assert.Contains(reason, check.Error, StringComparison.OrdinalIgnoreCase);
    }
}
