namespace Referrals.Deployment.Tests;

internal static class ImageReference
{
    /// <summary>True for <c>name:tag</c> (tag not <c>latest</c>) or a digest; false for a bare name or <c>:latest</c>.</summary>
    public static bool IsPinned(string image)
    {
        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return true;
        }

        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var tag = lastSegment[(colon + 1)..];
        return tag.Length > 0 && !tag.Equals("latest", StringComparison.OrdinalIgnoreCase);
    }
}
