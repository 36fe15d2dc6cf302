using PhoneNumbers;

namespace Referrals.Intake.Submit;

/// <summary>
/// A family phone number that can receive SMS: parsed by libphonenumber with Latvia as the default region,
/// normalised to E.164, and refused when it is a landline (Latvian 6xxxxxxx) or otherwise not mobile.
/// </summary>
public static class SmsPhone
{
    private const string DefaultRegion = "LV";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static SmsPhoneCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return SmsPhoneCheck.Invalid("A phone number is required.");
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(input, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return SmsPhoneCheck.Invalid("Not a phone number.");
        }

        if (!Util.IsValidNumber(number))
        {
            return SmsPhoneCheck.Invalid("Not a valid phone number (a Latvian number has 8 digits, mobile numbers start with 2).");
        }

        var type = Util.GetNumberType(number);
        if (type == PhoneNumberType.FIXED_LINE)
        {
            return SmsPhoneCheck.Invalid("This is a landline (fixed-line) number and cannot receive SMS; give a mobile number.");
        }

        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return SmsPhoneCheck.Invalid("This number cannot receive SMS; give a mobile number.");
        }

        return new SmsPhoneCheck(Util.Format(number, PhoneNumberFormat.E164), null);
    }
}

/// <param name="E164">The normalised number when valid, e.g. +37120000001.</param>
public sealed record SmsPhoneCheck(string? E164, string? Error)
{
    public bool IsValid => E164 is not null;

    public static SmsPhoneCheck Invalid(string error) => new(null, error);
}
