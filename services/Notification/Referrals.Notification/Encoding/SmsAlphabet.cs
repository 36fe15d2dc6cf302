namespace Referrals.Notification.Encoding;

/// <summary>How the text travels: the GSM 03.38 7-bit default alphabet, or UCS-2 (Kannel <c>coding=2</c>).</summary>
public enum SmsAlphabet
{
    Gsm7,
    Ucs2,
}
