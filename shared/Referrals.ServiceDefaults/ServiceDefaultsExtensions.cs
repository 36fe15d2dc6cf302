using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Referrals.ServiceDefaults.Security;

namespace Referrals.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Health-check tag for checks that decide readiness (bus connected, store reachable).</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.AddIdentity();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsEnrichment.AddTraceId);
        builder.Services.AddOpenApi();
        builder.Services.AddServiceDiscoveryFreeHttpDefaults();
        return builder;
    }

    /// <summary>
    /// The middleware in order (errors, edge protection where added, authentication, rate limits, authorization) and
    /// <c>/health/live</c>, <c>/health/ready</c> and <c>/openapi/v1.json</c>, anonymous and in every environment.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var edge = EdgeProtection.IsAdded(app.Services);
        if (edge)
        {
            EdgeProtection.UseBeforeAuthentication(app);
        }

        app.UseAuthentication();
        if (edge)
        {
            EdgeProtection.UseAfterAuthentication(app);
        }

        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) || check.Tags.Contains("live") }).AllowAnonymous();
        // The API descriptions name no personal data; the fuzz tests and client generators read them without a token.
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    private static IServiceCollection AddServiceDiscoveryFreeHttpDefaults(this IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
}

internal static class ProblemDetailsEnrichment
{
    public static void AddTraceId(Microsoft.AspNetCore.Http.ProblemDetailsContext context) =>
        context.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
}
