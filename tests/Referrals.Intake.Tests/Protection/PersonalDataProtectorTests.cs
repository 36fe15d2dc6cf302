using System.Security.Cryptography;
using Referrals.Intake.Protection;

namespace Referrals.Intake.Tests.Protection;

public sealed class PersonalDataProtectorTests
{
    [Fact]
    public void Round_trips_with_a_fresh_nonce_and_the_key_id_in_front()
    {
        var protector = TestProtection.Protector();

        var first = protector.Protect("161175-19997", PersonalDataProtector.PersonalCodePurpose);
        var second = protector.Protect("161175-19997", PersonalDataProtector.PersonalCodePurpose);

        Assert.StartsWith("a:", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("161175", first, StringComparison.Ordinal);
        Assert.Equal("161175-19997", protector.Unprotect(first, PersonalDataProtector.PersonalCodePurpose));
    }

    [Fact]
    public void A_value_cannot_be_moved_to_another_field_or_tampered_with()
    {
        var protector = TestProtection.Protector();
        var phone = protector.Protect("+37120000001", PersonalDataProtector.PhonePurpose);
        var tampered = phone[..^4] + (phone[^4] == 'A' ? 'B' : 'A') + phone[^3..];

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(phone, PersonalDataProtector.PersonalCodePurpose));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered, PersonalDataProtector.PhonePurpose));
    }

    [Fact]
    public void After_rotation_old_values_stay_readable_and_new_ones_use_the_new_key()
    {
        var written = TestProtection.Protector().Protect("+37120000001", PersonalDataProtector.PhonePurpose);
        var rotated = TestProtection.Protector(current: "b", withB: true);

        var fresh = rotated.Protect("+37120000001", PersonalDataProtector.PhonePurpose);

        Assert.Equal("+37120000001", rotated.Unprotect(written, PersonalDataProtector.PhonePurpose));
        Assert.StartsWith("b:", fresh, StringComparison.Ordinal);
        var error = Assert.ThrowsAny<CryptographicException>(() => TestProtection.Protector().Unprotect(fresh, PersonalDataProtector.PhonePurpose));
        Assert.DoesNotContain("3712", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hashes_are_keyed_and_stable()
    {
        var protector = TestProtection.Protector();
        var otherKey = new IntakeProtectionOptions
        {
            CurrentKeyId = "a",
            SearchKey = TestProtection.KeyB,
            Keys = { ["a"] = TestProtection.KeyA },
        };

        var hash = protector.PersonalCodeHash("161175-19997");

        Assert.Equal(hash, TestProtection.Protector(current: "b", withB: true).PersonalCodeHash("161175-19997"));
        Assert.NotEqual(hash, new PersonalDataProtector(Microsoft.Extensions.Options.Options.Create(otherKey)).PersonalCodeHash("161175-19997"));
        Assert.NotEqual(Convert.ToHexString(SHA256.HashData("161175-19997"u8)), hash);
        Assert.NotEqual(hash, protector.RequestHash("161175-19997"));
    }

    public static TheoryData<string, string> BadOptions => new()
    {
        { """{"CurrentKeyId":"a","SearchKey":"S","Keys":{"a":"c2hvcnQ="}}""", "exactly 32 bytes" },
        { """{"CurrentKeyId":"z","SearchKey":"S","Keys":{"a":"K"}}""", "CurrentKeyId" },
        { """{"CurrentKeyId":"a","SearchKey":"c2hvcnQ=","Keys":{"a":"K"}}""", "SearchKey" },
        { """{"CurrentKeyId":"a:b","SearchKey":"S","Keys":{"a:b":"K"}}""", "key ids" },
        { """{}""", "required with a MongoDB" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Options_validation_names_the_problem(string json, string expected)
    {
        var options = System.Text.Json.JsonSerializer.Deserialize<IntakeProtectionOptions>(
            json.Replace("\"K\"", $"\"{TestProtection.KeyA}\"", StringComparison.Ordinal)
                .Replace("\"S\"", $"\"{TestProtection.SearchKey}\"", StringComparison.Ordinal))!;

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains(expected, StringComparison.Ordinal));
        Assert.Empty(TestProtection.Options().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }
}
