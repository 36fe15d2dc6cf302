using System.ComponentModel.DataAnnotations;

namespace Referrals.Portal;

/// <summary>Section <c>Portal</c>: where the platform's HTTP APIs are (the gateway, or the embedded host itself).</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string Section = "Portal";

    [Required]
    public string ApiBaseUrl { get; set; } = "";

    /// <summary>
    /// A directory shared by every portal replica for the keys that encrypt the sign-in cookie (e.g. a mounted volume).
    /// Empty: the default per-machine key ring, enough for one process (the embedded default).
    /// </summary>
    public string? DataProtectionKeysPath { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Portal:ApiBaseUrl must be an absolute http(s) URL, e.g. http://localhost:8080.", [nameof(ApiBaseUrl)]);
        }
    }
}
