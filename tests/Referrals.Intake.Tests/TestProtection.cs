using Microsoft.Extensions.Options;
using Referrals.Intake.Protection;

namespace Referrals.Intake.Tests;

/// <summary>Fixed test keys (never used anywhere else), so tests can encrypt, decrypt and hash like the service.</summary>
internal static class TestProtection
{
    public static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
    public static readonly string SearchKey = Convert.ToBase64String(Enumerable.Range(201, 32).Select(i => (byte)i).ToArray());

    public static IntakeProtectionOptions Options(string current = "a", bool withB = false)
    {
        var options = new IntakeProtectionOptions { CurrentKeyId = current, SearchKey = SearchKey };
        options.Keys["a"] = KeyA;
        if (withB)
        {
            options.Keys["b"] = KeyB;
        }

        return options;
    }

    public static PersonalDataProtector Protector(string current = "a", bool withB = false) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(current, withB)));
}
