using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Referrals.Intake.Protection;

/// <summary>
/// Encrypts personal codes and phone numbers for the store (AES-256-GCM, a random 96-bit nonce per value, the field's
/// purpose as associated data so a ciphertext cannot be moved to another field) as <c>keyId:base64(nonce|tag|ciphertext)</c>,
/// and computes the keyed hashes the store may index. Decrypt only to build a view or an export.
/// </summary>
public sealed class PersonalDataProtector
{
    public const string PersonalCodePurpose = "personal-code";
    public const string PhonePurpose = "phone";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;
    private readonly byte[] _searchKey;

    public PersonalDataProtector(IOptions<IntakeProtectionOptions> options)
    {
        var value = options.Value;
        _keys = value.Keys.ToDictionary(k => k.Key, k => IntakeProtectionOptions.Bytes(k.Value)!, StringComparer.Ordinal);
        _currentKeyId = value.CurrentKeyId!;
        _searchKey = IntakeProtectionOptions.Bytes(value.SearchKey)!;
    }

    public string CurrentKeyId => _currentKeyId;

    public string Protect(string plaintext, string purpose)
    {
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + input.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, input, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(purpose));
        return _currentKeyId + ":" + Convert.ToBase64String(output);
    }

    public string? ProtectOrNull(string? plaintext, string purpose) => plaintext is null ? null : Protect(plaintext, purpose);

    /// <exception cref="CryptographicException">Unknown key id or a value that does not authenticate (the message names neither value nor key).</exception>
    public string Unprotect(string protectedValue, string purpose)
    {
        var separator = protectedValue.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || !_keys.TryGetValue(protectedValue[..separator], out var key))
        {
            throw new CryptographicException("A protected value names a key that is not configured in Intake:Protection:Keys.");
        }

        var data = Convert.FromBase64String(protectedValue[(separator + 1)..]);
        if (data.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A protected value is truncated.");
        }

        var plaintext = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plaintext);
    }

    public string? UnprotectOrNull(string? protectedValue, string purpose) =>
        protectedValue is null ? null : Unprotect(protectedValue, purpose);

    /// <summary>The searchable hash of a personal code already normalised (DDMMYY-CNNNZ).</summary>
    public string PersonalCodeHash(string normalisedPersonalCode) => Hmac("personal-code:" + normalisedPersonalCode);

    /// <summary>The idempotency hash of a normalised request: keyed, so it cannot be brute-forced back to the personal code in it.</summary>
    public string RequestHash(string normalisedRequestJson) => Hmac("request:" + normalisedRequestJson);

    private string Hmac(string value) => Convert.ToHexString(HMACSHA256.HashData(_searchKey, Encoding.UTF8.GetBytes(value)));
}
