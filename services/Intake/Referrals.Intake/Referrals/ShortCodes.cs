using System.Security.Cryptography;

namespace Referrals.Intake.Referrals;

/// <summary>
/// Short codes a family can read out on the phone: "R-" and six characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L, 5/S, 8/B). Uniqueness is enforced by the store's unique index; a clash draws again.
/// </summary>
public static class ShortCodes
{
    public const string Alphabet = "234679ACDEFGHJKMNPQRTUVWXYZ";

    public static string New() => "R-" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 6));
}
