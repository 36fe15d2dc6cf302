namespace Referrals.Gateway;

/// <summary>The front door: routes only, no business logic. Routes and clusters live in configuration (ReverseProxy).</summary>
public static class GatewayModule
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
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
