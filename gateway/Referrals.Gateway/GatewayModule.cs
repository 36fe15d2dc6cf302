using Microsoft.AspNetCore.HttpOverrides;

namespace Referrals.Gateway;

/// <summary>The front door: routes only, no business logic. Routes and clusters live in configuration (ReverseProxy).</summary>
public static class GatewayModule
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // An ingress controller in front of the gateway is the only trusted proxy; its network is configured per deployment.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        builder.Services.AddRequestTimeouts();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddHealthChecks().AddCheck<ClustersHealthCheck>("clusters", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseInternalPathBlocking();
        app.UseRequestTimeouts();
        app.MapReverseProxy();
        return app;
    }
}
