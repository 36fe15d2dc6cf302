namespace Referrals.Portal;

/// <summary>
/// The stylesheet and the small script, served from this assembly's resources: the portal then works the same in its
/// own host and inside the embedded default, with no static-web-assets manifest to carry along.
/// </summary>
public static class PortalAssets
{
    public static IEndpointRouteBuilder MapPortalAssets(this IEndpointRouteBuilder app)
    {
        var css = Read("portal.css");
        var js = Read("portal.js");
        app.MapGet("/portal/portal.css", () => Asset(css, "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/portal/portal.js", () => Asset(js, "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Asset(byte[] content, string contentType) => Results.Bytes(content, contentType);

    private static byte[] Read(string name)
    {
        using var stream = typeof(PortalAssets).Assembly.GetManifestResourceStream("Referrals.Portal." + name)
            ?? throw new InvalidOperationException($"The portal asset {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
