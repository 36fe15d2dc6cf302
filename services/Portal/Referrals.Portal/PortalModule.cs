using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Options;
using Referrals.Portal.Api;
using Referrals.Portal.Localisation;
using Referrals.Portal.Security;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Portal;

/// <summary>
/// The portal's parts, added by its own host and by the embedded default alike. Its pages sign in with their own cookie
/// scheme; the APIs hosted beside them keep JWT bearer as the default, so a portal cookie never opens an API.
/// </summary>
public static class PortalModule
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>()
            .Bind(builder.Configuration.GetSection(PortalOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddPortalAuthentication();
        if (IdentityModeOf(builder.Configuration) == IdentityMode.OpenIdConnect)
        {
            builder.AddPortalOpenIdConnect();
        }

        if (builder.Configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.DataProtectionKeysPath)}"] is { Length: > 0 } keys)
        {
            builder.Services.AddDataProtection().SetApplicationName("referrals-portal").PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<PortalApi>((services, http) =>
            http.BaseAddress = new Uri(services.GetRequiredService<IOptions<PortalOptions>>().Value.ApiBaseUrl));
        builder.Services.AddSingleton<PortalText>();
        // Latvian and Russian letters as they are, not as &#x...; entities (the pages are UTF-8).
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        var assembly = typeof(PortalModule).Assembly;
        builder.Services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/", PortalAuthentication.SignedIn);
                options.Conventions.AuthorizeFolder("/Casework", PortalAuthentication.SocialWorker);
                options.Conventions.AuthorizeFolder("/Offers", PortalAuthentication.ProviderStaff);
                options.Conventions.AuthorizeFolder("/Coordination", PortalAuthentication.Reader);
                options.Conventions.AllowAnonymousToPage("/SignIn");
                options.Conventions.AllowAnonymousToPage("/Language");
                options.Conventions.AllowAnonymousToPage("/Status");
                options.Conventions.AllowAnonymousToPage("/Forbidden");
                options.Conventions.ConfigureFilter(new ApiSessionFilter());
            })
            .ConfigureApplicationPartManager(parts =>
            {
                // A host that references this project may already have found it; adding it twice would double every route.
                if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            });
        return builder;
    }

    /// <summary>The mode as <see cref="IdentityOptions"/> will bind it (OpenIdConnect unless configured otherwise).</summary>
    private static IdentityMode IdentityModeOf(IConfiguration configuration) =>
        configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>()?.Mode ?? IdentityMode.OpenIdConnect;

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseMiddleware<PortalRequests>();
        app.MapPortalAssets();
        app.MapRazorPages();
        return app;
    }
}
