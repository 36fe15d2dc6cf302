using Referrals.Messaging;

namespace Referrals.ProviderDirectory;

/// <summary>The ProviderDirectory service's parts, added by its own host and by the embedded default alike.</summary>
public static class ProviderDirectoryModule
{
    public static IHostApplicationBuilder AddProviderDirectory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMessageConsumers(typeof(ProviderDirectoryModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapProviderDirectory(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
