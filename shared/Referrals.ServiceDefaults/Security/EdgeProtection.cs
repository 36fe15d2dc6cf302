using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Referrals.ServiceDefaults.Security;

/// <summary>
/// What only the front door does: body size limit, security headers, CORS for the portal alone, HTTPS, and rate
/// limits per user and per IP address. <see cref="ServiceDefaultsExtensions.MapDefaultEndpoints"/> puts the
/// middleware in order once this is added.
/// </summary>
public static class EdgeProtection
{
    public const string CorsPolicy = "portal";

    public static IHostApplicationBuilder AddEdgeProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EdgeOptions>()
            .Bind(builder.Configuration.GetSection(EdgeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<EdgeMarker>();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<EdgeOptions>>((kestrel, edge) => kestrel.Limits.MaxRequestBodySize = edge.Value.MaxRequestBodyBytes);
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<EdgeOptions>>((cors, edge) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(edge.Value.PortalOrigins)
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "Accept-Language")
                .WithExposedHeaders("Location", "Retry-After")));
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<EdgeOptions>>((forwarded, edge) => TrustProxies(forwarded, edge.Value));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<EdgeOptions>>((limiter, edge) => ConfigureRateLimits(limiter, edge.Value));
        return builder;
    }

    internal static bool IsAdded(IServiceProvider services) => services.GetService<EdgeMarker>() is not null;

    /// <summary>Before authentication: headers on every answer, HTTPS, CORS (a preflight carries no token).</summary>
    internal static void UseBeforeAuthentication(WebApplication app)
    {
        var edge = app.Services.GetRequiredService<IOptions<EdgeOptions>>().Value;
        var contentSecurityPolicy = ContentSecurityPolicy(app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value);
        app.UseForwardedHeaders();
        app.Use((context, next) => AddSecurityHeaders(context, next, contentSecurityPolicy));
        app.Use((context, next) => RefuseDeclaredOversizeBody(context, next, edge.MaxRequestBodyBytes));
        if (edge.RequireHttps)
        {
            app.UseHsts();
            // Kubelet probes come over plain HTTP from inside the pod network: a redirect would pass them unchecked.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        app.UseCors(CorsPolicy);
    }

    /// <summary>After authentication, so that a signed-in user is limited as a user.</summary>
    internal static void UseAfterAuthentication(WebApplication app) => app.UseRateLimiter();

    /// <summary>
    /// Forms post to this origin only, and, with an identity provider, to it as well: the portal's sign-out form ends
    /// in a redirect to the provider's end-session endpoint, and browsers hold a form's redirects to form-action too.
    /// </summary>
    internal static string ContentSecurityPolicy(IdentityOptions identity)
    {
        var formAction = "'self'";
        if (identity.Mode == IdentityMode.OpenIdConnect && Uri.TryCreate(identity.Authority, UriKind.Absolute, out var authority))
        {
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        }

        return $"default-src 'self'; object-src 'none'; base-uri 'self'; form-action {formAction}; frame-ancestors 'none'";
    }

    private static Task AddSecurityHeaders(HttpContext context, Func<Task> next, string contentSecurityPolicy)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/auth"))
        {
            // Answers carry personal data: no browser or proxy keeps a copy.
            headers.CacheControl = "no-store";
        }

        return next();
    }

    private static void TrustProxies(ForwardedHeadersOptions forwarded, EdgeOptions edge)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        foreach (var proxy in edge.TrustedProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (System.Net.IPNetwork.TryParse(proxy.Trim(), out var network))
            {
                forwarded.KnownIPNetworks.Add(network);
            }
            else
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy.Trim()));
            }
        }
    }

    /// <summary>
    /// A declared length over the limit is answered before anything is proxied; Kestrel's own limit stops a chunked
    /// body that grows past it while it is read.
    /// </summary>
    private static Task RefuseDeclaredOversizeBody(HttpContext context, Func<Task> next, long limit)
    {
        if (context.Request.ContentLength is not { } length || length <= limit)
        {
            return next();
        }

        return TypedResults.Problem(
            title: "Request body too large",
            detail: $"The body may be at most {limit.ToString(CultureInfo.InvariantCulture)} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
    }

    private static void ConfigureRateLimits(RateLimiterOptions limiter, EdgeOptions edge)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Actor.From(context.User) is { } actor
                    ? Bucket("user:" + actor.Id, edge.UserRequestsPerSecond, edge.UserBurst)
                    : RateLimitPartition.GetNoLimiter("anonymous")),
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Bucket("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), edge.AddressRequestsPerSecond, edge.AddressBurst)));
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await TypedResults.Problem(
                title: "Too many requests",
                detail: "This user or address sent more requests than the front door allows; try again after Retry-After seconds.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
        };
    }

    private static RateLimitPartition<string> Bucket(string key, int perSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private sealed class EdgeMarker;
}
