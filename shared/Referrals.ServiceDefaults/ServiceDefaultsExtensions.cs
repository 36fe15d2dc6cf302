using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Referrals.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Health-check tag for checks that decide readiness (bus connected, store reachable).</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsEnrichment.AddTraceId);
        builder.Services.AddOpenApi();
        builder.Services.AddServiceDiscoveryFreeHttpDefaults();
        return builder;
    }

    /// <summary><c>/health/live</c>, <c>/health/ready</c> and <c>/openapi/v1.json</c>, in every environment.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) || check.Tags.Contains("live") });
        app.MapOpenApi();
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
