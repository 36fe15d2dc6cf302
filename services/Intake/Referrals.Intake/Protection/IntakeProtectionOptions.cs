using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Referrals.Intake.Protection;

/// <summary>
/// Section <c>Intake:Protection</c>: the keys that encrypt personal codes and phone numbers at rest (AES-256-GCM) and
/// the key of the searchable hash (HMAC-SHA256). Rotation: add a new key under <see cref="Keys"/>, make it
/// <see cref="CurrentKeyId"/>; values written under older keys stay readable as long as those keys are listed.
/// The <see cref="SearchKey"/> cannot rotate this way (every stored hash would have to be recomputed).
/// </summary>
public sealed partial class IntakeProtectionOptions : IValidatableObject
{
    public const string Section = "Intake:Protection";

    /// <summary>Key id → base64 of 32 random bytes.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key new values are encrypted with.</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>Base64 of at least 32 random bytes: the HMAC key of the personal-code search hash and the idempotency hash.</summary>
    public string? SearchKey { get; set; }

    /// <summary>True when nothing at all is configured (then the SQLite store gets a generated key file).</summary>
    public bool IsEmpty => Keys.Count == 0 && string.IsNullOrWhiteSpace(CurrentKeyId) && string.IsNullOrWhiteSpace(SearchKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEmpty)
        {
            yield return new ValidationResult(
                "Intake:Protection:Keys, Intake:Protection:CurrentKeyId and Intake:Protection:SearchKey are required with a MongoDB "
                + "intake store (only the embedded SQLite store generates a key file on first start).",
                [nameof(Keys)]);
            yield break;
        }

        foreach (var (id, key) in Keys)
        {
            if (!KeyId().IsMatch(id))
            {
                yield return new ValidationResult(
                    "Intake:Protection:Keys: key ids are letters, digits, '-' and '_' (at most 64).", [nameof(Keys)]);
            }
            else if (Bytes(key) is not { Length: 32 })
            {
                yield return new ValidationResult(
                    $"Intake:Protection:Keys:{id} must be base64 of exactly 32 bytes (AES-256).", [nameof(Keys)]);
            }
        }

        if (string.IsNullOrWhiteSpace(CurrentKeyId) || !Keys.ContainsKey(CurrentKeyId))
        {
            yield return new ValidationResult(
                "Intake:Protection:CurrentKeyId must name one of Intake:Protection:Keys.", [nameof(CurrentKeyId)]);
        }

        if (Bytes(SearchKey) is not { Length: >= 32 })
        {
            yield return new ValidationResult(
                "Intake:Protection:SearchKey must be base64 of at least 32 bytes.", [nameof(SearchKey)]);
        }
    }

    internal static byte[]? Bytes(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyId();
}
