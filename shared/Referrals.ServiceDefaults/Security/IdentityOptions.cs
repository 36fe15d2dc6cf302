using System.ComponentModel.DataAnnotations;

namespace Referrals.ServiceDefaults.Security;

/// <summary>How tokens are validated (section <c>Identity</c>, the same names in appsettings, compose and Kubernetes).</summary>
public sealed class IdentityOptions : IValidatableObject
{
    public const string Section = "Identity";

    /// <summary>
    /// <c>OpenIdConnect</c>: tokens from an external provider at <see cref="Authority"/>. <c>Development</c>: tokens
    /// from the built-in sign-in, signed with <see cref="SigningKey"/>; only for the embedded default and development.
    /// </summary>
    public IdentityMode Mode { get; set; } = IdentityMode.OpenIdConnect;

    /// <summary>The OpenID Connect issuer, e.g. https://id.example.lv/realms/referrals.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience every token must name.</summary>
    [Required]
    public string Audience { get; set; } = "referrals";

    /// <summary>False only for an identity provider on plain HTTP inside a test network.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Development mode's HMAC key (base64, at least 32 bytes). Empty: the published development key.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Lifetime of a development token.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The claim carrying the role, where an identity provider cannot be told to use <c>role</c>.</summary>
    [Required]
    public string RoleClaim { get; set; } = ReferralsClaims.Role;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == IdentityMode.OpenIdConnect && string.IsNullOrWhiteSpace(Authority))
        {
            yield return new ValidationResult(
                "Identity:Authority is required in OpenIdConnect mode (or set Identity:Mode=Development for the built-in sign-in).",
                [nameof(Authority)]);
        }

        if (Mode == IdentityMode.Development && !string.IsNullOrWhiteSpace(Authority))
        {
            yield return new ValidationResult(
                "Identity:Authority and the built-in development sign-in exclude each other.", [nameof(Authority)]);
        }

        if (Mode == IdentityMode.Development && !string.IsNullOrWhiteSpace(SigningKey) && !DevelopmentTokens.IsUsableKey(SigningKey))
        {
            yield return new ValidationResult("Identity:SigningKey must be base64 of at least 32 bytes.", [nameof(SigningKey)]);
        }
    }
}

public enum IdentityMode
{
    OpenIdConnect,
    Development,
}
